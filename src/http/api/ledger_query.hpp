#pragma once
// The ledger's filters as the query string gives them (q, stage, batch, period, unit_id, leader_id,
// industry, min_investment, max_investment, paging): shared by the list and its .xlsx export.
#include "core/status.hpp"
#include "http/context.hpp"
#include "storage/project_ledger.hpp"

namespace sanpi::http {

// Invalid naming every bad parameter.
core::Result<storage::LedgerQuery> LedgerQueryOf(const Context& ctx);

}  // namespace sanpi::http
