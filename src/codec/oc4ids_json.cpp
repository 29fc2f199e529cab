#include "codec/oc4ids_json.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/roster.hpp"

namespace sanpi::codec {
namespace {

namespace json = boost::json;

json::object Money(core::Yuan amount) { return json::object{{"amount", amount}, {"currency", "CNY"}}; }

// Every commitment the project was given, in the order they took effect: entries by period, each
// adjustment after its period (then by decision date and id).
std::vector<core::Commitment> CommitmentsInOrder(const Oc4idsSource& source) {
  struct Event {
    int period;
    int after;  // 0 for an entry, 1 for an adjustment made after that period
    core::Date on;
    std::int64_t id;
    const core::Commitment* commitment;
  };
  std::vector<Event> events;
  for (const auto& entry : source.entries) events.push_back({entry.period, 0, core::Date(), entry.id, &entry.commitment});
  for (const auto& a : source.adjustments) {
    if (a.kind == core::AdjustmentKind::kWithdraw) continue;
    events.push_back({a.after_period, 1, a.decided_on, a.id, &a.commitment});
  }
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return std::tie(x.period, x.after, x.on, x.id) < std::tie(y.period, y.after, y.on, y.id);
  });
  std::vector<core::Commitment> out;
  for (const auto& e : events) out.push_back(*e.commitment);
  return out;
}

// The planned dates in force: the latest commitment that names each.
struct PlannedDates {
  std::optional<core::Date> sign, start, production;
};
PlannedDates PlannedOf(const std::vector<core::Commitment>& commitments) {
  PlannedDates out;
  for (const auto& c : commitments) {
    if (c.sign_date) out.sign = c.sign_date;
    if (c.planned_start_date) out.start = c.planned_start_date;
    if (c.planned_production_date) out.production = c.planned_production_date;
  }
  return out;
}

json::value Milestone(std::string_view code, std::string_view title, std::string_view type,
                      const std::optional<core::Date>& actual, const std::optional<core::Date>& planned,
                      bool withdrawn, const core::Date& today) {
  if (!actual && !planned) return nullptr;
  json::object m{{"id", code}, {"title", title}, {"type", type}, {"code", code}};
  if (planned) m["dueDate"] = Oc4idsDateTime(*planned);
  if (actual) {
    m["status"] = "met";
    m["dateMet"] = Oc4idsDateTime(*actual);
  } else {
    m["status"] = withdrawn || *planned < today ? "notMet" : "scheduled";
  }
  return m;
}

std::string_view ModificationType(const core::RosterAdjustment& a, const core::Commitment& before) {
  switch (a.kind) {
    case core::AdjustmentKind::kWithdraw:
    case core::AdjustmentKind::kMove: return "scope";
    case core::AdjustmentKind::kChangeCommitment:
      return a.commitment.year_planned_investment != before.year_planned_investment ||
                     a.commitment.plan_year != before.plan_year
                 ? "value"
                 : "duration";
  }
  return "scope";
}

std::string ModificationText(const core::RosterAdjustment& a) {
  std::string text = core::PeriodOrdinal(a.after_period) + "后" + std::string(core::AdjustmentKindName(a.kind));
  if (a.kind == core::AdjustmentKind::kMove) text += "至" + std::string(core::BatchName(a.to_batch));
  if (a.kind == core::AdjustmentKind::kWithdraw) text += "名单";
  else text += "，承诺：" + [&] {
    std::string parts;
    auto add = [&](const char* label, const std::optional<core::Date>& d) {
      if (!d) return;
      if (!parts.empty()) parts += "，";
      parts += std::string(label) + d->ToString();
    };
    add("签约日期", a.commitment.sign_date);
    add("计划开工", a.commitment.planned_start_date);
    add("计划投产", a.commitment.planned_production_date);
    if (a.commitment.plan_year != 0) {
      if (!parts.empty()) parts += "，";
      parts += std::to_string(a.commitment.plan_year) + "年计划投资" + std::to_string(a.commitment.year_planned_investment) + "元";
    }
    return parts.empty() ? std::string("无") : parts;
  }();
  return text;
}

}  // namespace

std::string Oc4idsDateTime(const core::Date& date) { return date.ToString() + "T00:00:00+08:00"; }

std::string Oc4idsProjectId(const core::Project& project) {
  return std::string(kOc4idsIdPrefix) + "-" + project.region_code + "-" + std::to_string(project.id);
}

std::string_view Oc4idsStatus(core::Stage stage) {
  switch (stage) {
    case core::Stage::kReserve: return "identification";
    case core::Stage::kSigned: return "preparation";
    case core::Stage::kStarted: return "implementation";
    case core::Stage::kProducing: return "completion";
    case core::Stage::kEffective: return "completed";
    case core::Stage::kWithdrawn: return "cancelled";
  }
  return "identification";
}

std::vector<std::string> Oc4idsSectors(std::string_view industry) {
  auto has = [&](std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return industry.find(w) != std::string_view::npos; });
  };
  // Most specific first; the first match decides.
  if (has({"光伏", "太阳能"})) return {"energy", "energy.solar"};
  if (has({"风电", "风能"})) return {"energy", "energy.wind"};
  if (has({"水电"})) return {"energy", "energy.hydropower"};
  if (has({"能源", "电力", "燃气", "储能"})) return {"energy"};
  if (has({"公路", "道路", "桥"})) return {"transport", "transport.road"};
  if (has({"铁路", "轨道"})) return {"transport", "transport.rail"};
  if (has({"机场", "航空"})) return {"transport", "transport.air"};
  if (has({"港口", "航运"})) return {"transport", "transport.water"};
  if (has({"公交", "地铁"})) return {"transport", "transport.urban"};
  if (has({"交通", "物流"})) return {"transport"};
  if (has({"教育", "学校"})) return {"education"};
  if (has({"医院", "卫生", "医疗", "养老", "健康"})) return {"health"};
  if (has({"通信", "信息", "数字", "数据", "网络"})) return {"communications"};
  if (has({"供水", "污水", "水务", "环卫", "垃圾"})) return {"waterAndWaste"};
  if (has({"防洪", "水利"})) return {"naturalResources", "naturalResources.floodProtection"};
  if (has({"保障房", "安置", "住房"})) return {"socialHousing"};
  if (has({"文化", "旅游", "体育", "公园"})) return {"cultureSportsAndRecreation"};
  if (has({"政务", "公共服务"})) return {"governance"};
  return {"economy"};
}

json::value ToOc4ids(const Oc4idsSource& source, const core::Date& today) {
  const core::Project& p = source.project;
  const core::StageRecord& r = p.progress;
  json::object out{{"id", Oc4idsProjectId(p)}};
  if (!p.updated_at.empty() && p.updated_at.size() >= 19) {
    out["updated"] = p.updated_at.substr(0, 10) + "T" + p.updated_at.substr(11, 8) + "+08:00";
  }
  if (!p.code.empty()) {
    out["identifiers"] = json::array{json::object{{"id", p.code}, {"scheme", kProjectCodeScheme}}};
  }
  out["title"] = p.name;
  if (!p.construction_content.empty()) out["description"] = p.construction_content;
  out["status"] = Oc4idsStatus(r.stage);
  out["type"] = "construction";
  json::array sectors;
  for (auto& code : Oc4idsSectors(p.industry)) sectors.push_back(json::string(code));
  out["sector"] = std::move(sectors);
  if (!p.industry.empty()) {
    out["additionalClassifications"] =
        json::array{json::object{{"scheme", "sanpi-industry"}, {"id", p.industry}, {"description", "产业领域"}}};
  }

  auto commitments = CommitmentsInOrder(source);
  auto planned = PlannedOf(commitments);
  auto start = r.started_on ? r.started_on : planned.start;
  auto end = r.producing_on ? r.producing_on : planned.production;
  if (start || end) {
    json::object period;
    if (start) period["startDate"] = Oc4idsDateTime(*start);
    if (end) period["endDate"] = Oc4idsDateTime(*end);
    if (start && end && !(*end < *start)) period["durationInDays"] = end->DaysSinceEpoch() - start->DaysSinceEpoch();
    out["period"] = std::move(period);
  }

  json::object budget{{"amount", Money(p.total_investment)}};
  std::map<int, core::Yuan> by_year;  // the latest commitment of each plan year wins
  for (const auto& c : commitments)
    if (c.plan_year != 0 && c.year_planned_investment > 0) by_year[c.plan_year] = c.year_planned_investment;
  if (!by_year.empty()) {
    json::array breakdown;
    for (const auto& [year, amount] : by_year) {
      auto y = std::to_string(year);
      breakdown.push_back(json::object{{"id", y},
                                       {"description", y + "年度计划投资"},
                                       {"amount", Money(amount)},
                                       {"period", json::object{{"startDate", y + "-01-01T00:00:00+08:00"},
                                                               {"endDate", y + "-12-31T23:59:59+08:00"}}}});
    }
    budget["budgetBreakdown"] = std::move(breakdown);
  }
  out["budget"] = std::move(budget);

  if (!p.address.empty() || (p.longitude && p.latitude)) {
    json::object location{{"id", "1"}};
    if (!p.address.empty()) {
      location["description"] = p.address;
      location["address"] = json::object{{"streetAddress", p.address}, {"countryName", "中国"}};
    }
    if (p.longitude && p.latitude) {
      location["geometry"] = json::object{{"type", "Point"}, {"coordinates", json::array{*p.longitude, *p.latitude}}};
    }
    out["locations"] = json::array{std::move(location)};
  }

  json::array parties;
  if (p.enterprise_id != 0 && !source.enterprise_name.empty()) {
    json::object party{{"id", "enterprise-" + std::to_string(p.enterprise_id)},
                       {"name", source.enterprise_name},
                       {"roles", json::array{"funder"}}};
    if (!source.enterprise_uscc.empty())
      party["identifier"] = json::object{{"scheme", "CN-USCC"}, {"id", source.enterprise_uscc}, {"legalName", source.enterprise_name}};
    parties.push_back(std::move(party));
  }
  if (p.lead_unit_id != 0 && !source.lead_unit_name.empty()) {
    parties.push_back(json::object{{"id", "unit-" + std::to_string(p.lead_unit_id)},
                                   {"name", source.lead_unit_name},
                                   {"roles", json::array{"publicAuthority"}}});
  }
  if (!parties.empty()) out["parties"] = std::move(parties);

  bool withdrawn = r.stage == core::Stage::kWithdrawn;
  json::array milestones;
  auto add = [&](json::value m) {
    if (!m.is_null()) milestones.push_back(std::move(m));
  };
  add(Milestone("signed", "签约", "approval", r.signed_on, planned.sign, withdrawn, today));
  add(Milestone("fulfilled", "履约", "approval", r.fulfilled_on, std::nullopt, withdrawn, today));
  add(Milestone("started", "开工", "delivery", r.started_on, planned.start, withdrawn, today));
  add(Milestone("producing", "投产", "delivery", r.producing_on, planned.production, withdrawn, today));
  add(Milestone("effective", "达效", "delivery", r.effective_on, std::nullopt, withdrawn, today));
  if (!milestones.empty()) out["milestones"] = std::move(milestones);

  if (!source.adjustments.empty()) {
    auto ordered = source.adjustments;
    std::sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) {
      return std::tie(x.after_period, x.decided_on, x.id) < std::tie(y.after_period, y.decided_on, y.id);
    });
    // The commitment before each adjustment of an entry: the entry's, then each earlier adjustment's.
    std::map<std::int64_t, core::Commitment> current;
    for (const auto& e : source.entries) current[e.id] = e.commitment;
    json::array modifications;
    for (const auto& a : ordered) {
      const core::Commitment& before = current[a.entry_id];
      modifications.push_back(json::object{{"id", "adjustment-" + std::to_string(a.id)},
                                           {"date", Oc4idsDateTime(a.decided_on)},
                                           {"type", ModificationType(a, before)},
                                           {"description", ModificationText(a)},
                                           {"rationale", a.reason}});
      if (a.kind != core::AdjustmentKind::kWithdraw) current[a.entry_id] = a.commitment;
    }
    out["modifications"] = std::move(modifications);
  }
  return out;
}

json::object Oc4idsPackageHead(const Oc4idsPackageInfo& info) {
  return json::object{{"uri", info.uri},
                      {"publishedDate", info.published_date},
                      {"publisher", json::object{{"name", info.publisher_name}}},
                      {"version", kOc4idsVersion},
                      {"projects", json::array{}}};
}

}  // namespace sanpi::codec
