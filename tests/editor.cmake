# SPDX-License-Identifier: GPL-3.0-or-later
# The plan document and its undo commands (GUI-less), the node-graph editor, the plan center.
haven_add_test(tst_plancommands SOURCES tst_plancommands.cpp plantestcatalog.h LIBS havenwidgets)
haven_add_test(tst_planeditor SOURCES tst_planeditor.cpp plantestcatalog.h LIBS havenui)
haven_add_test(tst_plancenter SOURCES tst_plancenter.cpp plantestcatalog.h LIBS havenui)
