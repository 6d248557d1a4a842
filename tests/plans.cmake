# SPDX-License-Identifier: GPL-3.0-or-later
# The plan model, validator, file format, layout and templates (included by CMakeLists.txt).
haven_add_test(tst_plan SOURCES tst_plan.cpp LIBS havenmodels havenagent)
haven_add_test(tst_planvalidator SOURCES tst_planvalidator.cpp LIBS havenmodels havenagent)
haven_add_test(tst_planformat SOURCES tst_planformat.cpp LIBS havenmodels havenagent)
haven_add_test(tst_planlayout SOURCES tst_planlayout.cpp LIBS havenmodels)
haven_add_test(tst_plantemplates SOURCES tst_plantemplates.cpp LIBS havenmodels haventestsupport)
