// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/environment/environment.h"
#include "models/store/localstore.h"

#include <optional>

namespace Haven {

// The saved environment (regions, sites, connection settings; never tokens) in the local store.
class EnvironmentRepository final
{
public:
    static FeatureSchema schema();

    explicit EnvironmentRepository(LocalStore &store);

    bool save(const Environment &environment);
    std::optional<Environment> load();

private:
    LocalStore &m_store;
};

} // namespace Haven
