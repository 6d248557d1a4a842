# SPDX-License-Identifier: GPL-3.0-or-later
haven_add_test(tst_protocol SOURCES tst_protocol.cpp LIBS havenmodels)
haven_add_test(tst_topologystate SOURCES tst_topologystate.cpp LIBS havenagent)
haven_add_test(tst_agentstore SOURCES tst_agentstore.cpp LIBS havenagent)
