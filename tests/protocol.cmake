# SPDX-License-Identifier: GPL-3.0-or-later
# Protocol tests of haven-agent over real HTTP on loopback (included by CMakeLists.txt).
# All but tst_httpserver start real haven-agent processes through haventestsupport.
haven_add_test(tst_httpserver SOURCES tst_httpserver.cpp LIBS havenagent haventestsupport TIMEOUT 120)
haven_add_test(tst_agentauth SOURCES tst_agentauth.cpp LIBS haventestsupport havenmodels Qt6::Network TIMEOUT 120)
haven_add_test(tst_agentactions SOURCES tst_agentactions.cpp LIBS haventestsupport havenmodels TIMEOUT 120)
haven_add_test(tst_agentfaults SOURCES tst_agentfaults.cpp LIBS haventestsupport havenmodels TIMEOUT 120)
haven_add_test(tst_agentfeed SOURCES tst_agentfeed.cpp LIBS haventestsupport havenmodels TIMEOUT 120)
haven_add_test(tst_agentinspections SOURCES tst_agentinspections.cpp LIBS haventestsupport havenmodels TIMEOUT 120)
haven_add_test(tst_demofleet SOURCES tst_demofleet.cpp LIBS haventestsupport TIMEOUT 120)
