# SPDX-License-Identifier: GPL-3.0-or-later
# Switchover readiness (model and panel), metric plots and the component details panel.
haven_add_test(tst_switchoverreadiness SOURCES tst_switchoverreadiness.cpp LIBS havenmodels)
haven_add_test(tst_readinesspanel SOURCES tst_readinesspanel.cpp LIBS havenwidgets)
haven_add_test(tst_componentdetails SOURCES tst_componentdetails.cpp LIBS havenwidgets)
