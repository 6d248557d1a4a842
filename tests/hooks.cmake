# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the hooks backend, the inspection runner and the host metrics (included by CMakeLists.txt).
haven_add_test(tst_hostmetrics SOURCES tst_hostmetrics.cpp LIBS havenagent)
haven_add_test(tst_inspectionrunner SOURCES tst_inspectionrunner.cpp LIBS havenagent Qt6::Network haventestsupport)
haven_add_test(tst_hooksbackend SOURCES tst_hooksbackend.cpp LIBS havenagent Qt6::Network haventestsupport)
