# SPDX-License-Identifier: GPL-3.0-or-later
# The console's agent client: the libcurl engine and the typed protocol calls, against real
# haven-agent processes and misbehaving servers in the test itself.
haven_add_test(tst_curlengine SOURCES tst_curlengine.cpp fakehttpserver.h LIBS havenapp haventestsupport Qt6::Network)
haven_add_test(tst_agentclient SOURCES tst_agentclient.cpp fakehttpserver.h LIBS havenapp haventestsupport Qt6::Network
               TIMEOUT 240)
