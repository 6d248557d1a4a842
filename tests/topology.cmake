# SPDX-License-Identifier: GPL-3.0-or-later
haven_add_test(tst_topologyscene SOURCES tst_topologyscene.cpp LIBS havenwidgets)
