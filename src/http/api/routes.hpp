#pragma once
// Each module adds its routes to the router; api.cpp calls them all.
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace sanpi::http {

void AddSystemRoutes(Router& router, Metrics& metrics);
void AddAuthRoutes(Router& router);
void AddRegionRoutes(Router& router);
void AddOrgUnitRoutes(Router& router);
void AddUserRoutes(Router& router);
void AddEnterpriseRoutes(Router& router);
void AddAuditRoutes(Router& router);

}  // namespace sanpi::http
