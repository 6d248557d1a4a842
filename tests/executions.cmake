# SPDX-License-Identifier: GPL-3.0-or-later
# Plan execution: the engine against real agents, the journal, kill-and-resume of the console.
haven_add_test(tst_execution SOURCES tst_execution.cpp LIBS havenmodels)
haven_add_test(tst_executionengine SOURCES tst_executionengine.cpp LIBS havenapp haventestsupport TIMEOUT 300)
