# SPDX-License-Identifier: GPL-3.0-or-later
# The console's local store and metric history (included by CMakeLists.txt).
haven_add_test(tst_localstore SOURCES tst_localstore.cpp LIBS havenmodels)
haven_add_test(tst_metrichistory SOURCES tst_metrichistory.cpp LIBS havenmodels)
