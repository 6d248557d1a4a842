# SPDX-License-Identifier: GPL-3.0-or-later
# The environment model (regions, sites, agent endpoints), the secret store and the Environment page.
haven_add_test(tst_environment SOURCES tst_environment.cpp LIBS havenmodels)
haven_add_test(tst_secretstore SOURCES tst_secretstore.cpp LIBS havenapp)
haven_add_test(tst_environmentpage SOURCES tst_environmentpage.cpp LIBS havenui)
