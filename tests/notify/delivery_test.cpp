// The webhook outbox end to end, on both backends, against a real local HTTP receiver (webhook_receiver.hpp):
// a receiver that fails and then recovers gets each message exactly once with success, every retry carrying the
// same de-duplication id, after backoff delays the test names exactly (time is moved, not waited for); permanent
// failures are dead-lettered at once and can be sent again; the WeCom, DingTalk (signed) and JSON bodies have
// their shapes; the worker thread stops promptly.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <thread>

#include "core/date.hpp"
#include "core/notification_target.hpp"
#include "notify/delivery_scheduler.hpp"
#include "notify/delivery_worker.hpp"
#include "notify/dingtalk_sign.hpp"
#include "notify/webhook_client.hpp"
#include "notify/webhook_receiver.hpp"
#include "storage/notification_target_repository.hpp"
#include "storage/outbox_repository.hpp"
#include "storage/warning_sweep.hpp"
#include "support/late_milestone.hpp"
#include "support/test_database.hpp"
#include "support/zone_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
constexpr const char* kRegion = "410171";
constexpr const char* kSecret = "SECtest123";

class DeliveryTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    zone_ = SeedZone(db());
    options_.policy = {5, 30, 3600, 20};
    options_.timeout = std::chrono::milliseconds(500);
    options_.batch = 4;
  }

  std::int64_t AddTarget(core::Channel channel, const std::string& url, const std::string& secret = "") {
    auto tx = db().Begin(storage::Access::kWrite);
    codec::NotificationTargetInput input;
    input.target.name = "群" + std::to_string(++targets_);
    input.target.channel = channel;
    input.target.url = url;
    input.target.secret = secret;
    auto created = storage::NotificationTargetRepository(*tx).Create(zone_.office, input);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    tx->Commit();
    return created.ok() ? created->id : 0;
  }

  // A red warning of unit A's project: two events (opened, order_issued), queued for every target.
  void RedWarning() {
    SeedLateProject(db(), zone_);
    auto counts = storage::Sweep(db(), kRegion, core::Date::Today());
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    ASSERT_EQ(counts->opened + counts->orders_issued, 2);
    warning_id_ = db().Begin(storage::Access::kRead)->Query("SELECT id FROM warnings").front().Int(0);
  }

  struct Row {
    std::string state, last_error;
    std::int64_t attempts = 0, next_attempt_at = 0, target_id = 0;
    bool delivered = false;
  };
  std::map<std::string, Row> Messages() {
    auto tx = db().Begin(storage::Access::kRead);
    std::map<std::string, Row> out;
    for (auto row : tx->Query("SELECT id, state, attempts, next_attempt_at, delivered_at, last_error, target_id "
                              "FROM outbox_messages"))
      out[row.Text(0)] = {row.Text(1), row.Text(5), row.Int(2), row.Int(3), row.Int(6), !row.IsNull(4)};
    return out;
  }
  notify::DeliveryCounts Round(core::EpochSeconds now) {
    // The receiver listens on 127.0.0.1, which the default reach refuses.
    return notify::DeliverDue(db(), notify::WebhookSender(options_.timeout, notify::WebhookReach::kAny), options_, now);
  }

  Zone zone_;
  notify::DeliveryOptions options_;
  std::int64_t warning_id_ = 0;
  int targets_ = 0;
};

TEST_P(DeliveryTest, AReceiverThatFailsThenRecoversGetsEachMessageOnceToSuccessWithTheSameId) {
  // Every path fails its first four requests (each of its two messages twice), then answers as a robot does.
  WebhookReceiver receiver([](const std::string&, int n) {
    return n <= 4 ? Answer{500, "busy"} : Answer{200, "{\"errcode\":0,\"errmsg\":\"ok\"}"};
  });
  const auto wecom = AddTarget(core::Channel::kWecom, receiver.Url("/wecom?key=K1"));
  const auto ding = AddTarget(core::Channel::kDingtalk, receiver.Url("/ding?access_token=T1"), kSecret);
  const auto hook = AddTarget(core::Channel::kJsonWebhook, receiver.Url("/json"));
  RedWarning();
  ASSERT_EQ(Messages().size(), 6u);

  const core::EpochSeconds t0 = std::time(nullptr);
  auto first = Round(t0);
  EXPECT_EQ(first.retried, 6);
  EXPECT_EQ(first.delivered + first.dead, 0);
  // Backoff: each message waits exactly core's delay for its id (base 30 s ± 20 %).
  const core::DelayBounds after_one = core::RetryDelayBounds(options_.policy, 1);
  for (const auto& [id, row] : Messages()) {
    EXPECT_EQ(row.state, "pending") << id;
    EXPECT_EQ(row.attempts, 1) << id;
    EXPECT_EQ(row.next_attempt_at, t0 + core::RetryDelay(options_.policy, 1, core::JitterSeed(id))) << id;
    EXPECT_GE(row.next_attempt_at - t0, after_one.min);
    EXPECT_LE(row.next_attempt_at - t0, after_one.max);
    EXPECT_EQ(row.last_error, "HTTP 500: busy");
  }
  EXPECT_EQ(Round(t0 + after_one.min - 1).attempts(), 0) << "nothing is due before its backoff";

  const core::EpochSeconds t1 = t0 + after_one.max;
  EXPECT_EQ(Round(t1).retried, 6);
  const core::DelayBounds after_two = core::RetryDelayBounds(options_.policy, 2);
  EXPECT_EQ(after_two.min, 48);  // 60 s − 20 %
  for (const auto& [id, row] : Messages())
    EXPECT_EQ(row.next_attempt_at, t1 + core::RetryDelay(options_.policy, 2, core::JitterSeed(id))) << id;

  const core::EpochSeconds t2 = t1 + after_two.max;
  auto third = Round(t2);
  EXPECT_EQ(third.delivered, 6);
  for (const auto& [id, row] : Messages()) {
    EXPECT_EQ(row.state, "delivered") << id;
    EXPECT_EQ(row.attempts, 3) << id;
    EXPECT_TRUE(row.delivered);
    EXPECT_EQ(row.last_error, "");
  }
  EXPECT_EQ(Round(t2 + 86'400).attempts(), 0) << "a delivered message is never sent again";

  // The receiver saw each message three times, always under the same id, and answered 200 once per id.
  const auto seen = receiver.Seen();
  ASSERT_EQ(seen.size(), 18u);
  std::map<std::string, int> tries, successes;
  for (const SeenRequest& request : seen) {
    EXPECT_EQ(request.content_type, "application/json; charset=utf-8");
    ++tries[request.message_id];
    if (request.answered == 200) ++successes[request.message_id];
  }
  ASSERT_EQ(tries.size(), 6u);
  for (const auto& [id, count] : tries) {
    EXPECT_EQ(count, 3) << id;
    EXPECT_EQ(successes[id], 1) << id;
    EXPECT_TRUE(Messages().count(id)) << "the header carries the outbox id " << id;
  }

  // Shapes. WeCom: markdown. DingTalk: markdown with title, text and "at", on a signed URL. JSON: the event.
  std::set<std::string> json_events;
  for (const SeenRequest& request : seen) {
    const json::value body = json::parse(request.body);
    if (request.target.starts_with("/wecom")) {
      EXPECT_EQ(request.target, "/wecom?key=K1");
      EXPECT_EQ(body.at("msgtype").as_string(), "markdown");
      EXPECT_NE(std::string(body.at("markdown").at("content").as_string()).find("智能装备产业园"), std::string::npos);
      EXPECT_EQ(Messages()[request.message_id].target_id, wecom);
    } else if (request.target.starts_with("/ding")) {
      EXPECT_EQ(body.at("msgtype").as_string(), "markdown");
      EXPECT_NE(std::string(body.at("markdown").at("title").as_string()).find("红色预警"), std::string::npos);
      EXPECT_TRUE(body.at("markdown").as_object().contains("text"));
      EXPECT_FALSE(body.at("at").at("isAtAll").as_bool());
      const std::string& target = request.target;
      const auto ts_at = target.find("&timestamp=");
      const auto sign_at = target.find("&sign=");
      ASSERT_NE(ts_at, std::string::npos) << target;
      ASSERT_NE(sign_at, std::string::npos) << target;
      EXPECT_EQ(target.substr(0, ts_at), "/ding?access_token=T1");
      const std::int64_t timestamp = std::stoll(target.substr(ts_at + 11, sign_at - ts_at - 11));
      EXPECT_NEAR(static_cast<double>(timestamp) / 1000, static_cast<double>(std::time(nullptr)), 60);
      EXPECT_EQ(target.substr(sign_at + 6), notify::UrlEncode(notify::DingtalkSign(kSecret, timestamp)));
      EXPECT_EQ(Messages()[request.message_id].target_id, ding);
    } else {
      EXPECT_EQ(request.target, "/json");
      EXPECT_EQ(body.at("id").as_string(), request.message_id) << "JSON webhooks get the id in the body too";
      EXPECT_EQ(body.at("warning").at("id").as_int64(), warning_id_);
      EXPECT_EQ(body.at("warning").at("level").as_string(), "red");
      EXPECT_EQ(body.at("warning").at("rule").as_string(), "milestone_overdue");
      json_events.insert(std::string(body.at("event").as_string()));
      EXPECT_EQ(Messages()[request.message_id].target_id, hook);
    }
  }
  EXPECT_EQ(json_events, (std::set<std::string>{"opened", "order_issued"}));
}

TEST_P(DeliveryTest, PermanentFailuresAreDeadLetteredAtOnceAndTransientOnesAfterMaxAttempts) {
  WebhookReceiver receiver([](const std::string& path, int) {
    if (path == "/rejects") return Answer{400, "{\"error\":\"bad payload\"}"};
    if (path == "/wrong-key") return Answer{200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"};
    return Answer{0, ""};  // /hangs
  });
  unsigned short closed_port = 0;
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::address_v4::loopback(), 0});
    closed_port = probe.local_endpoint().port();
  }
  const auto rejects = AddTarget(core::Channel::kJsonWebhook, receiver.Url("/rejects"));
  const auto wrong_key = AddTarget(core::Channel::kDingtalk, receiver.Url("/wrong-key"), kSecret);
  const auto hangs = AddTarget(core::Channel::kJsonWebhook, receiver.Url("/hangs"));
  const auto refused = AddTarget(core::Channel::kWecom, "http://127.0.0.1:" + std::to_string(closed_port) + "/x");
  options_.policy.max_attempts = 2;
  RedWarning();

  const core::EpochSeconds t0 = std::time(nullptr);
  auto first = Round(t0);
  EXPECT_EQ(first.dead, 4) << "400 and a robot's error code do not get better";
  EXPECT_EQ(first.retried, 4) << "no answer in time and a refused connection may";
  for (const auto& [id, row] : Messages()) {
    if (row.target_id == rejects) {
      EXPECT_EQ(row.state, "dead");
      EXPECT_EQ(row.attempts, 1);
      EXPECT_NE(row.last_error.find("HTTP 400"), std::string::npos) << row.last_error;
    } else if (row.target_id == wrong_key) {
      EXPECT_EQ(row.state, "dead");
      EXPECT_NE(row.last_error.find("310000"), std::string::npos) << row.last_error;
    } else if (row.target_id == hangs) {
      EXPECT_EQ(row.state, "pending");
      EXPECT_NE(row.last_error.find("timed out"), std::string::npos) << row.last_error;
    } else {
      EXPECT_EQ(row.target_id, refused);
      EXPECT_EQ(row.state, "pending");
      EXPECT_FALSE(row.last_error.empty());
    }
  }
  auto second = Round(t0 + core::RetryDelayBounds(options_.policy, 1).max);
  EXPECT_EQ(second.dead, 4) << "the second failure is the last allowed";
  for (const auto& [id, row] : Messages()) EXPECT_EQ(row.state, "dead") << id;

  // An administrator sends one again: pending, attempts from zero, due now.
  const std::string again = Messages().begin()->first;
  auto tx = db().Begin(storage::Access::kWrite);
  storage::OutboxRepository outbox(*tx);
  auto retried = outbox.Retry(zone_.office, again, t0);
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_EQ(retried->message.state, core::DeliveryState::kPending);
  EXPECT_EQ(retried->message.attempts, 0);
  EXPECT_EQ(outbox.Retry(zone_.office, again, t0).status().code(), core::Code::kRuleBroken) << "only dead ones";
  EXPECT_EQ(outbox.Retry(zone_.other_zone, Messages().rbegin()->first, t0).status().code(), core::Code::kNotFound)
      << "another region's message";
}

TEST_P(DeliveryTest, TheWorkerThreadDeliversAndStopsPromptly) {
  WebhookReceiver receiver([](const std::string&, int) { return Answer{}; });
  AddTarget(core::Channel::kJsonWebhook, receiver.Url("/json"));
  RedWarning();
  notify::DeliverySchedule schedule;
  schedule.period = std::chrono::milliseconds(50);
  schedule.options = options_;
  notify::DeliveryScheduler worker(db(), schedule, notify::WebhookSender(options_.timeout, notify::WebhookReach::kAny));
  for (int i = 0; i < 200 && receiver.Seen().size() < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  const auto start = std::chrono::steady_clock::now();
  worker.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(receiver.Seen().size(), 2u);
  for (const auto& [id, row] : Messages()) EXPECT_EQ(row.state, "delivered") << id;
}

SANPI_BOTH_BACKENDS(DeliveryTest);

TEST(DingtalkSignTest, MatchesAnIndependentlyComputedSignature) {
  // python3: base64(hmac.new(b"SECtest123", b"1700000000000\nSECtest123", sha256).digest())
  EXPECT_EQ(notify::DingtalkSign(kSecret, 1700000000000), "w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu+Ut1LE48MePE=");
  EXPECT_EQ(notify::DingtalkSignedUrl("https://oapi.dingtalk.com/robot/send?access_token=A", kSecret, 1700000000000),
            "https://oapi.dingtalk.com/robot/send?access_token=A&timestamp=1700000000000&sign="
            "w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu%2BUt1LE48MePE%3D");
}

TEST(WebhookClientTest, HttpsRefusesAServerThatSpeaksNoTls) {
  WebhookReceiver plain([](const std::string&, int) { return Answer{}; });
  auto result = notify::PostJson("https://127.0.0.1:" + std::to_string(plain.port()) + "/x", "{}", "sanpi-1-1",
                                 std::chrono::milliseconds(2000), notify::WebhookReach::kAny);
  EXPECT_FALSE(result.http_status) << "the TLS handshake must fail, not fall back to plain HTTP";
  EXPECT_FALSE(result.error.empty());
  EXPECT_TRUE(plain.Seen().empty());
}

TEST(WebhookClientTest, RefusesABadUrlWithoutSending) {
  auto result = notify::PostJson("ftp://example.com/", "{}", "sanpi-1-1");
  EXPECT_FALSE(result.http_status);
  EXPECT_EQ(result.error, "invalid webhook URL");
}

TEST(WebhookClientTest, TheServerItselfAndTheMetadataAddressAreNeverReachedByDefault) {
  // The office sets the URLs: one pointing at the server's own loopback services is refused before connecting.
  WebhookReceiver local([](const std::string&, int) { return Answer{}; });
  auto refused = notify::PostJson(local.Url("/hook"), "{}", "sanpi-1-1", std::chrono::milliseconds(2000));
  EXPECT_FALSE(refused.http_status);
  EXPECT_NE(refused.error.find("127.0.0.1"), std::string::npos) << refused.error;
  EXPECT_TRUE(local.Seen().empty());

  using notify::MayReach;
  using Reach = notify::WebhookReach;
  for (const char* never : {"127.0.0.1", "::1", "169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1", "::ffff:127.0.0.1"}) {
    EXPECT_FALSE(MayReach(never, Reach::kPublicAndPrivate)) << never;
    EXPECT_FALSE(MayReach(never, Reach::kPublicOnly)) << never;
    EXPECT_TRUE(MayReach(never, Reach::kAny)) << never;
  }
  for (const char* intranet : {"10.1.2.3", "172.20.0.5", "192.168.1.10", "100.64.0.1", "fd00::5"}) {
    EXPECT_TRUE(MayReach(intranet, Reach::kPublicAndPrivate)) << intranet;
    EXPECT_FALSE(MayReach(intranet, Reach::kPublicOnly)) << intranet;
  }
  for (const char* outside : {"101.226.4.6", "2408:8000::1", "172.32.0.1"}) {
    EXPECT_TRUE(MayReach(outside, Reach::kPublicOnly)) << outside;
  }
  EXPECT_FALSE(MayReach("not an address", Reach::kAny));
}

}  // namespace
}  // namespace sanpi::testing
