# SPDX-License-Identifier: GPL-3.0-or-later
# The simulated site backend of haven-agent.
haven_add_test(tst_simulatedsite SOURCES tst_simulatedsite.cpp LIBS havenagent haventestsupport)
haven_add_test(tst_simulatedoperations SOURCES tst_simulatedoperations.cpp LIBS havenagent haventestsupport)
