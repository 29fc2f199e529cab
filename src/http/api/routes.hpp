#pragma once
// Each module adds its routes to the router; api.cpp calls them all.
#include <string>

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
void AddProjectRoutes(Router& router);
void AddChecklistRoutes(Router& router);
// `data_dir`: where attachment files are kept (ApiOptions::data_dir).
void AddAttachmentRoutes(Router& router, const std::string& data_dir);
void AddCampaignRoutes(Router& router);
// Ledger import (dry run, commit), template and exports as .xlsx (transfer_routes.cpp).
void AddTransferRoutes(Router& router);
void AddPlanRoutes(Router& router);
void AddReportRoutes(Router& router);
void AddMilestoneRoutes(Router& router);
void AddProgressRoutes(Router& router);
// 预警督办: rules, warnings, their actions and the sweep on demand (warning_routes.cpp).
void AddWarningRoutes(Router& router);
// 通知: the caller's inbox (inbox_routes.cpp); notification targets and the webhook outbox (notification_routes.cpp).
void AddInboxRoutes(Router& router);
void AddNotificationRoutes(Router& router);
// 挂图作战: the leadership dashboard in one round trip (dashboard_routes.cpp).
void AddDashboardRoutes(Router& router);

}  // namespace sanpi::http
