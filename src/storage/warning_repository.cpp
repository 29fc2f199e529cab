#include "storage/warning_repository.hpp"

#include <boost/json/serialize.hpp>
#include <algorithm>
#include <array>
#include <charconv>
#include <ctime>
#include <unordered_map>

#include "codec/warning_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/batches.hpp"
#include "storage/clock.hpp"
#include "storage/notification_enqueue.hpp"
#include "storage/project_repository.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

// What the sweep reads of a warning: its messages by their digest; a whole record adds the texts and the two
// lists the sweep never reads.
const std::string kSweepColumns =
    "w.id, w.condition_key, w.project_name, w.level, w.unit, w.figure, w.threshold, w.since, w.opened_on, "
    "w.closed_on, w.responsible_unit_id, w.leader_id, w.assignee_id, w.assigned_on, w.order_json, w.version, "
    "w.message_digest";
const std::string kColumns = kSweepColumns + ", w.message_zh, w.message_en, w.history, w.responses";
constexpr size_t kMessageColumn = 17, kHistoryColumn = 19, kResponsesColumn = 20;

// "($3, $4, …)" for the next `count` parameters after `offset`, each wrapped by `casts[k]` when it names a type.
std::string Tuple(size_t offset, const std::vector<const char*>& casts) {
  std::string out = "(";
  for (size_t k = 0; k < casts.size(); ++k) {
    const std::string param = "$" + std::to_string(offset + k + 1);
    out += (k ? ", " : "");
    out += casts[k] ? std::string("CAST(") + param + " AS " + casts[k] + ")" : param;
  }
  return out + ")";
}

Value DateValue(const std::optional<core::Date>& date) { return date ? Value{date->ToString()} : Value{nullptr}; }
std::optional<core::Date> DateAt(const Row& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return core::Date::Parse(row.Text(column));
}
std::string LevelText(core::WarningLevel level) { return std::string(core::WarningLevelCode(level)); }

// A column that a sweep or a person's action may change.
struct MutableColumn {
  const char* name;
  const char* cast;  // its type in a VALUES list, whose columns PostgreSQL otherwise takes for text
  bool figure;       // one of today's figures (core TakeFigures): all that a refreshed warning changes
  Value (*value)(const core::Warning&);
};

using W = core::Warning;
const MutableColumn kMutable[] = {
    {"project_name", "TEXT", true, [](const W& w) { return Value{w.project_name}; }},
    {"level", "TEXT", false, [](const W& w) { return Value{LevelText(w.level)}; }},
    {"peak_level", "TEXT", false, [](const W& w) { return Value{LevelText(w.PeakLevel())}; }},
    {"unit", "TEXT", true, [](const W& w) { return Value{std::string(core::ThresholdUnitCode(w.unit))}; }},
    {"figure", "DOUBLE PRECISION", true, [](const W& w) { return Value{w.figure}; }},
    {"threshold", "BIGINT", true, [](const W& w) { return Value{std::int64_t{w.threshold}}; }},
    {"since", "TEXT", true, [](const W& w) { return Value{w.since.ToString()}; }},
    {"message_zh", "TEXT", true, [](const W& w) { return Value{w.message.zh}; }},
    {"message_en", "TEXT", true, [](const W& w) { return Value{w.message.en}; }},
    {"message_digest", "BIGINT", true, [](const W& w) { return Value{w.message_digest}; }},
    {"closed_on", "TEXT", false, [](const W& w) { return DateValue(w.closed_on); }},
    {"history", "TEXT", false, [](const W& w) { return Value{codec::HistoryText(w.history)}; }},
    {"responses", "TEXT", false, [](const W& w) { return Value{codec::ResponsesText(w.responses)}; }},
    {"responsible_unit_id", "BIGINT", true, [](const W& w) { return Value{w.responsible_unit_id}; }},
    {"leader_id", "BIGINT", true, [](const W& w) { return Value{w.leader_id}; }},
    {"assignee_id", "BIGINT", false, [](const W& w) { return Value{w.assignee_id}; }},
    {"assigned_on", "TEXT", false, [](const W& w) { return DateValue(w.assigned_on); }},
    {"order_state", "TEXT", false,
     [](const W& w) { return w.order ? Value{std::string(core::OrderStateCode(w.order->state))} : Value{nullptr}; }},
    {"order_json", "TEXT", false, [](const W& w) { return w.order ? Value{codec::OrderText(*w.order)} : Value{nullptr}; }},
};

std::vector<const MutableColumn*> MutableColumns(bool figures_only) {
  std::vector<const MutableColumn*> out;
  for (const MutableColumn& column : kMutable)
    if (!figures_only || column.figure) out.push_back(&column);
  return out;
}

void PushMutable(Params& params, const core::Warning& w, const std::vector<const MutableColumn*>& columns) {
  for (const MutableColumn* column : columns) params.push_back(column->value(w));
}

core::Warning FromRow(const Row& row) {
  core::Warning w;
  w.id = row.Int(0);
  w.key = core::ParseConditionKey(row.Text(1)).value_or(core::ConditionKey{});
  w.project_name = row.Text(2);
  w.level = core::ParseWarningLevel(row.Text(3)).value_or(core::WarningLevel::kNone);
  w.unit = core::ParseThresholdUnit(row.Text(4)).value_or(core::ThresholdUnit::kDays);
  w.figure = row.Real(5);
  w.threshold = static_cast<int>(row.Int(6));
  w.since = core::Date::Parse(row.Text(7)).value_or(core::Date{});
  w.opened_on = core::Date::Parse(row.Text(8)).value_or(core::Date{});
  w.closed_on = DateAt(row, 9);
  w.responsible_unit_id = row.Int(10);
  w.leader_id = row.Int(11);
  w.assignee_id = row.Int(12);
  w.assigned_on = DateAt(row, 13);
  if (!row.IsNull(14)) w.order = codec::OrderFromText(row.Text(14));
  w.version = row.Int(15);
  w.message_digest = row.Int(16);
  if (row.size() > kResponsesColumn) {  // kColumns, not kSweepColumns
    w.message = {row.Text(kMessageColumn), row.Text(kMessageColumn + 1)};
    w.history = codec::HistoryFromText(row.Text(kHistoryColumn));
    w.responses = codec::ResponsesFromText(row.Text(kResponsesColumn));
  }
  return w;
}

std::string Snapshot(const core::Warning& warning) { return boost::json::serialize(codec::ToJson(warning)); }
core::Status NoWarning() { return core::Status::NotFound({"预警不存在", "no such warning"}); }
core::Status Stale() {
  return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
}

// Most serious first, then the oldest.
constexpr const char* kSeverity = "CASE w.level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END";

}  // namespace

std::string WarningRepository::VisibleTo(const core::Principal& caller, Params& params) {
  std::string visible = ProjectRepository::VisibleTo(caller, params);
  if (caller.scope == core::DataScope::kUnit || caller.scope == core::DataScope::kUnitAndBelow) {
    visible = "(" + visible + " OR " + ScopePredicate(caller, {"t.region_code", "w.responsible_unit_id", "t.created_by"}, params) + ")";
  }
  return visible;
}

std::vector<core::Warning> WarningRepository::Select(const std::string& columns, const std::string& where,
                                                     const Params& params) {
  std::vector<core::Warning> out;
  const Rows rows = tx_.Query("SELECT " + columns + " FROM warnings w " + where, params);
  // Decoded in id order: sorting the rows' ids is cheaper than sorting the warnings, and the database would sort a
  // whole region's rows in a temporary B-tree.
  std::vector<std::pair<std::int64_t, size_t>> by_id;
  by_id.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) by_id.emplace_back(rows[i].Int(0), i);
  std::sort(by_id.begin(), by_id.end());
  out.reserve(rows.size());
  for (const auto& [id, index] : by_id) out.push_back(FromRow(rows[index]));
  return out;
}

std::vector<core::Warning> WarningRepository::OpenWarnings(const std::string& region_code, std::int64_t project_id) {
  return project_id != 0
             ? Select(kSweepColumns, "WHERE w.region_code = $1 AND w.project_id = $2 AND w.closed_on IS NULL",
                      {region_code, project_id})
             : Select(kSweepColumns, "WHERE w.region_code = $1 AND w.closed_on IS NULL", {region_code});
}

core::Status WarningRepository::StoreReconciled(const std::string& region_code, std::vector<core::Warning>& warnings,
                                                core::Reconciliation& result) {
  std::vector<bool> refreshed(warnings.size(), false);
  for (size_t index : result.refreshed) refreshed[index] = true;
  std::vector<core::Warning*> fresh, figures_only, rewritten;
  for (size_t index : result.changed) {
    core::Warning* w = &warnings[index];
    (w->id == 0 ? fresh : refreshed[index] ? figures_only : rewritten).push_back(w);
  }
  if (auto status = AddStoredParts(rewritten); !status.ok()) return status;
  if (auto status = Update(rewritten, Columns::kRecord); !status.ok()) return status;
  if (auto status = Update(figures_only, Columns::kFigures); !status.ok()) return status;
  Insert(region_code, fresh);
  for (core::WarningEvent& event : result.events) event.warning_id = warnings[event.warning_index].id;
  AppendEvents(region_code, result.events);
  return core::Status::Ok();
}

core::Status WarningRepository::AddStoredParts(const std::vector<core::Warning*>& warnings) {
  std::unordered_map<std::int64_t, core::Warning*> by_id;
  for (core::Warning* w : warnings) by_id.emplace(w->id, w);
  size_t found = 0;
  bool stale = false;
  InBatches(warnings.size(), [&](size_t first, size_t count) {
    Params ids;
    std::string list;
    for (size_t i = first; i < first + count; ++i) {
      ids.push_back(warnings[i]->id);
      list += (i > first ? ", $" : "$") + std::to_string(ids.size());
    }
    for (auto row : tx_.Query("SELECT id, version, history, responses, message_zh, message_en FROM warnings "
                              "WHERE id IN (" + list + ")",
                              ids)) {
      core::Warning& w = *by_id.at(row.Int(0));
      ++found;
      // Changed since the sweep read it (on its other connection): the versioned update would fail anyway.
      if (row.Int(1) != w.version) stale = true;
      std::vector<core::LevelChange> history = codec::HistoryFromText(row.Text(2));
      history.insert(history.end(), w.history.begin(), w.history.end());
      w.history = std::move(history);
      w.responses = codec::ResponsesFromText(row.Text(3));
      // Read without its texts; unless it took today's (a level change), it keeps the stored ones.
      if (w.message.zh.empty() && w.message.en.empty()) w.message = {row.Text(4), row.Text(5)};
    }
  });
  return stale || found != warnings.size() ? Stale() : core::Status::Ok();
}

void WarningRepository::Insert(const std::string& region_code, std::vector<core::Warning*>& fresh) {
  const std::string now = NowLocal();
  const std::vector<const MutableColumn*> columns = MutableColumns(false);
  std::vector<const char*> casts(10 + columns.size(), nullptr);
  InBatches(fresh.size(), [&](size_t first, size_t count) {
    std::string sql =
        "INSERT INTO warnings (region_code, condition_key, rule, project_id, subject, subject_id, opened_on, version, "
        "created_at, updated_at";
    for (const MutableColumn* column : columns) sql += std::string(", ") + column->name;
    sql += ") VALUES ";
    Params params;
    std::unordered_map<std::string, core::Warning*> by_key;
    for (size_t i = first; i < first + count; ++i) {
      core::Warning& w = *fresh[i];
      w.version = 1;
      sql += (i > first ? ", " : "") + Tuple(params.size(), casts);
      std::string key = core::ConditionKeyString(w.key);
      for (Value value : {Value{region_code}, Value{key}, Value{std::string(core::RuleCode(w.key.rule))},
                          Value{w.key.project_id}, Value{std::string(core::SubjectKindCode(w.key.subject))},
                          Value{w.key.subject_id}, Value{w.opened_on.ToString()}, Value{std::int64_t{1}}, Value{now},
                          Value{now}}) {
        params.push_back(std::move(value));
      }
      PushMutable(params, w, columns);
      by_key.emplace(std::move(key), &w);
    }
    // RETURNING's row order is not promised: the ids are matched back by their condition keys.
    for (auto row : tx_.Query(sql + " RETURNING id, condition_key", params)) {
      if (auto found = by_key.find(row.Text(1)); found != by_key.end()) found->second->id = row.Int(0);
    }
  });
}

core::Status WarningRepository::Update(const std::vector<core::Warning*>& changed, Columns which) {
  const std::vector<const MutableColumn*> columns = MutableColumns(which == Columns::kFigures);
  std::vector<const char*> casts = {"BIGINT", "BIGINT"};
  std::string assignments;
  for (const MutableColumn* column : columns) {
    casts.push_back(column->cast);
    assignments += std::string(column->name) + " = v.column" + std::to_string(casts.size()) + ", ";
  }
  bool stale = false;
  InBatches(changed.size(), [&](size_t first, size_t count) {
    if (stale) return;
    Params params{NowLocal()};
    std::string values;
    for (size_t i = first; i < first + count; ++i) {
      const core::Warning& w = *changed[i];
      values += (i > first ? ", " : "") + Tuple(params.size(), casts);
      params.push_back(w.id);
      params.push_back(w.version);
      PushMutable(params, w, columns);
    }
    const std::int64_t written = tx_.Execute("UPDATE warnings SET " + assignments +
                                                 "version = warnings.version + 1, updated_at = $1 FROM (VALUES " +
                                                 values + ") AS v WHERE warnings.id = v.column1 AND "
                                                 "warnings.version = v.column2",
                                             params);
    if (written != static_cast<std::int64_t>(count)) stale = true;
  });
  if (stale) return Stale();
  for (core::Warning* w : changed) ++w->version;
  return core::Status::Ok();
}

void WarningRepository::AppendEvents(const std::string& region_code, const std::vector<core::WarningEvent>& events) {
  const std::string now = NowLocal();
  const std::vector<const char*> casts(14, nullptr);
  InBatches(events.size(), [&](size_t first, size_t count) {
    std::string sql =
        "INSERT INTO warning_events (region_code, warning_id, project_id, kind, level, previous_level, on_date, "
        "unit_id, leader_id, assignee_id, actor_id, message_zh, message_en, created_at) VALUES ";
    Params params;
    for (size_t i = first; i < first + count; ++i) {
      const core::WarningEvent& e = events[i];
      sql += (i > first ? ", " : "") + Tuple(params.size(), casts);
      for (Value value : {Value{region_code}, Value{e.warning_id}, Value{e.key.project_id},
                          Value{std::string(core::WarningEventCode(e.kind))}, Value{LevelText(e.level)},
                          Value{LevelText(e.previous_level)}, Value{e.on.ToString()}, Value{e.unit_id},
                          Value{e.leader_id}, Value{e.assignee_id}, Value{e.actor_id}, Value{e.message.zh},
                          Value{e.message.en}, Value{now}}) {
        params.push_back(std::move(value));
      }
    }
    // Each event is notified (inbox, outbox) in this transaction. RETURNING's row order is not promised: ids are
    // matched back by (warning, kind), which one batch never repeats.
    std::vector<StoredEvent> stored;
    for (auto row : tx_.Query(sql + " RETURNING id, warning_id, kind", params)) {
      for (size_t i = first; i < first + count; ++i) {
        if (events[i].warning_id == row.Int(1) && core::WarningEventCode(events[i].kind) == row.Text(2)) {
          stored.push_back({row.Int(0), &events[i]});
          break;
        }
      }
    }
    EnqueueNotifications(tx_, region_code, stored, static_cast<core::EpochSeconds>(std::time(nullptr)));
  });
}

core::Result<core::Warning> WarningRepository::Get(const core::Principal& caller, std::int64_t id) {
  Params params{id};
  auto found =
      Select(kColumns, "JOIN projects t ON t.id = w.project_id WHERE w.id = $1 AND " + VisibleTo(caller, params), params);
  if (found.empty()) return NoWarning();
  return std::move(found.front());
}

WarningList WarningRepository::List(const core::Principal& caller, const WarningFilter& filter,
                                    const PageRequest& page) {
  Params params;
  std::string where = " FROM warnings w JOIN projects t ON t.id = w.project_id WHERE " + VisibleTo(caller, params);
  switch (filter.state) {
    case WarningFilter::State::kOpen: where += " AND w.closed_on IS NULL"; break;
    case WarningFilter::State::kClosed: where += " AND w.closed_on IS NOT NULL"; break;
    case WarningFilter::State::kAll: break;
  }
  if (filter.rule) where += " AND w.rule = " + Bind(params, std::string(core::RuleCode(*filter.rule)));
  if (filter.unit_id != 0) where += " AND w.responsible_unit_id = " + Bind(params, filter.unit_id);
  if (filter.project_id != 0) where += " AND w.project_id = " + Bind(params, filter.project_id);
  if (filter.order) where += " AND w.order_state = " + Bind(params, std::string(core::OrderStateCode(*filter.order)));

  WarningList out;
  for (auto row : tx_.Query("SELECT w.level, COUNT(*)" + where + " GROUP BY w.level", params)) {
    const auto level = core::ParseWarningLevel(row.Text(0));
    if (level == core::WarningLevel::kYellow) out.yellow = row.Int(1);
    if (level == core::WarningLevel::kOrange) out.orange = row.Int(1);
    if (level == core::WarningLevel::kRed) out.red = row.Int(1);
  }
  if (filter.level) where += " AND w.level = " + Bind(params, LevelText(*filter.level));
  const std::string order = OrderBy(page.sort,
                                    {{"level", kSeverity}, {"opened_on", "w.opened_on"}, {"figure", "w.figure"},
                                     {"project_name", "w.project_name"}},
                                    std::string(kSeverity) + " DESC, w.opened_on", "w.id");
  const Rows rows = tx_.Query("SELECT " + kColumns + where + order + Limit(page), params);
  for (auto row : rows) out.page.items.push_back(FromRow(row));
  out.page.total = TotalOf(page, out.page.items.size(),
                           [&] { return tx_.Query("SELECT COUNT(*)" + where, params).front().Int(0); });
  return out;
}

std::vector<core::WarningEvent> WarningRepository::Events(std::int64_t warning_id) {
  std::vector<core::WarningEvent> out;
  for (auto row : tx_.Query(
           "SELECT kind, level, previous_level, on_date, unit_id, leader_id, assignee_id, actor_id, message_zh, "
           "message_en, project_id FROM warning_events WHERE warning_id = $1 ORDER BY id",
           {warning_id})) {
    core::WarningEvent event;
    const std::string kind = row.Text(0);
    for (int k = 0; k <= static_cast<int>(core::WarningEventKind::kOrderSignedOff); ++k)
      if (core::WarningEventCode(static_cast<core::WarningEventKind>(k)) == kind)
        event.kind = static_cast<core::WarningEventKind>(k);
    event.warning_id = warning_id;
    event.level = core::ParseWarningLevel(row.Text(1)).value_or(core::WarningLevel::kNone);
    event.previous_level = core::ParseWarningLevel(row.Text(2)).value_or(core::WarningLevel::kNone);
    event.on = core::Date::Parse(row.Text(3)).value_or(core::Date{});
    event.unit_id = row.Int(4);
    event.leader_id = row.Int(5);
    event.assignee_id = row.Int(6);
    event.actor_id = row.Int(7);
    event.message = {row.Text(8), row.Text(9)};
    event.key.project_id = row.Int(10);
    out.push_back(std::move(event));
  }
  return out;
}

template <class Change>
core::Result<core::Warning> WarningRepository::Act(const core::Principal& caller, std::int64_t id,
                                                   std::int64_t version, const std::string& action, Change change) {
  auto before = Get(caller, id);
  if (!before.ok()) return before.status();
  if (before->version != version) return Stale();
  core::Warning after = *before;
  core::Result<core::WarningEvent> event = change(after);
  if (!event.ok()) return event.status();
  std::vector<core::Warning*> changed{&after};
  if (auto status = Update(changed, Columns::kRecord); !status.ok()) return status;
  event->warning_id = id;
  const std::string region = tx_.Query("SELECT region_code FROM warnings WHERE id = $1", {id}).front().Text(0);
  AppendEvents(region, {*event});
  AuditLog(tx_).Append(caller, action, "warning", std::to_string(id), Snapshot(*before), Snapshot(after));
  return after;
}

core::Result<core::Warning> WarningRepository::Acknowledge(const core::Principal& caller, std::int64_t id,
                                                           std::int64_t version, std::string response) {
  return Act(caller, id, version, "acknowledge", [&](core::Warning& w) {
    return core::Acknowledge(w, caller.user_id, std::move(response), core::Date::Today());
  });
}

core::Result<core::Warning> WarningRepository::Assign(const core::Principal& caller, std::int64_t id,
                                                      std::int64_t version, std::int64_t assignee_id) {
  return Act(caller, id, version, "assign", [&](core::Warning& w) -> core::Result<core::WarningEvent> {
    if (tx_.Query("SELECT 1 FROM users u JOIN warnings x ON x.region_code = u.region_code "
                  "WHERE u.id = $1 AND x.id = $2 AND u.active = 1",
                  {assignee_id, id}).empty()) {
      return core::Status::InvalidField("assignee_id", {"责任人不是本区域的有效用户", "the assignee is not an active user of this region"});
    }
    return core::Assign(w, assignee_id, caller.user_id, core::Date::Today());
  });
}

core::Result<core::Warning> WarningRepository::ReplyToOrder(const core::Principal& caller, std::int64_t id,
                                                            std::int64_t version, std::string reply) {
  return Act(caller, id, version, "order_reply", [&](core::Warning& w) {
    return core::ReplyToOrder(w, caller.user_id, std::move(reply), core::Date::Today());
  });
}

core::Result<core::Warning> WarningRepository::ReturnOrderReply(const core::Principal& caller, std::int64_t id,
                                                                std::int64_t version, std::string reason) {
  return Act(caller, id, version, "order_return", [&](core::Warning& w) {
    return core::ReturnOrderReply(w, caller.user_id, std::move(reason), core::Date::Today());
  });
}

core::Result<core::Warning> WarningRepository::SignOffOrder(const core::Principal& caller, std::int64_t id,
                                                            std::int64_t version, std::string comment) {
  return Act(caller, id, version, "order_sign_off", [&](core::Warning& w) {
    return core::SignOffOrder(w, caller.user_id, std::move(comment), core::Date::Today());
  });
}

}  // namespace sanpi::storage
