#include "conn_state.h"

#include <cstdlib>
#include <functional>
#include <unordered_map>

#include "events.h"
#include "status.h"

namespace nbh {

namespace {

// id -> state, weakly. Never freed (a lane thread may drop the last state during process exit).
struct Registry {
  std::mutex mu;
  uint64_t next = 1;
  std::unordered_map<uint64_t, std::weak_ptr<ConnState>> states;
};

Registry& R() {
  static Registry* r = new Registry();
  return *r;
}

// A fire-and-forget job. If no thread can be started for it, it is dropped (the connection it
// would have closed then stays open until the process exits).
class FunctionJob final : public Job {
 public:
  explicit FunctionJob(std::function<void()> fn) : fn_(std::move(fn)) {}
  void Execute() override {
    fn_();
    delete this;
  }
  void Fail(Status) override { delete this; }

 private:
  std::function<void()> fn_;
};

void ReleaseSink(const StatePtr& st) {
  std::lock_guard<std::mutex> lock(st->mu);
  if (!st->sinkLive) return;
  st->sinkLive = false;
  st->sink.Release();
}

}  // namespace

ConnState::ConnState(uint64_t i, std::string u)
    : id(i),
      uri(std::move(u)),
      query(NewLane("nbh-lv-query", kQueryLaneCap)),
      action(NewLane("nbh-lv-action", kActionLaneCap)) {}

StatePtr ConnState::Create(std::string uri) {
  Registry& r = R();
  std::lock_guard<std::mutex> lock(r.mu);
  uint64_t id = r.next++;
  auto st = std::make_shared<ConnState>(id, std::move(uri));
  r.states.emplace(id, st);
  return st;
}

StatePtr FindState(uint64_t id) {
  Registry& r = R();
  std::lock_guard<std::mutex> lock(r.mu);
  auto it = r.states.find(id);
  return it == r.states.end() ? nullptr : it->second.lock();
}

int CountStates() {
  Registry& r = R();
  std::lock_guard<std::mutex> lock(r.mu);
  return static_cast<int>(r.states.size());
}

void ConnState::Post(Message* msg) {
  std::lock_guard<std::mutex> lock(mu);
  if (!sinkLive || sink.NonBlockingCall(msg) != napi_ok) delete msg;
}

ConnState::~ConnState() {
  {
    Registry& r = R();
    std::lock_guard<std::mutex> lock(r.mu);
    r.states.erase(id);
  }
  CloseLane(query);
  CloseLane(action);
  if (conn == nullptr) return;
  // Never detached. The close callback is looked up by id, so it is harmless from here on; the
  // rest may block on libvirtd, and this destructor may run on any thread.
  virConnectPtr c = conn;
  bool closeCb = closeCbRegistered;
  Submit(TeardownLane(), new FunctionJob([c, closeCb]() {
           if (closeCb && virConnectUnregisterCloseCallback(c, OnConnectionClosed) < 0) {
             ClearLibvirtError();
           }
           if (virConnectClose(c) < 0) ClearLibvirtError();
         }));
}

virConnectPtr Detach(const StatePtr& st) {
  virConnectPtr conn;
  {
    std::lock_guard<std::mutex> lock(st->mu);
    conn = st->conn;
    st->conn = nullptr;  // from here on, new tasks see a closed connection
  }
  ReleaseSink(st);
  CloseLane(st->query);
  CloseLane(st->action);
  return conn;
}

void Teardown(const StatePtr& st, virConnectPtr conn) {
  {
    std::lock_guard<std::mutex> reg(st->regMu);
    if (st->lifecycleId >= 0) {
      if (virConnectDomainEventDeregisterAny(conn, st->lifecycleId) < 0) ClearLibvirtError();
      st->lifecycleId = -1;
    }
    if (st->closeCbRegistered) {
      // Fails harmlessly if the callback already fired (libvirt drops it after one call).
      if (virConnectUnregisterCloseCallback(conn, OnConnectionClosed) < 0) ClearLibvirtError();
      st->closeCbRegistered = false;
    }
  }
  // Drops the binding's reference; tasks still running hold their own until they finish, and
  // the last one to let go closes the socket.
  if (virConnectClose(conn) < 0) ClearLibvirtError();
}

void TeardownInBackground(const StatePtr& st, virConnectPtr conn) {
  Submit(TeardownLane(), new FunctionJob([st, conn]() { Teardown(st, conn); }));
}

ConnRef::ConnRef(const StatePtr& st) {
  std::lock_guard<std::mutex> lock(st->mu);
  if (st->conn != nullptr && virConnectRef(st->conn) == 0) conn_ = st->conn;
}

ConnRef::~ConnRef() {
  if (conn_ != nullptr) virConnectClose(conn_);  // drops the reference taken above
}

DomainRef::DomainRef(virConnectPtr conn, const std::string& uuid)
    : dom_(virDomainLookupByUUIDString(conn, uuid.c_str())) {}

DomainRef::~DomainRef() {
  if (dom_ != nullptr) virDomainFree(dom_);
}

std::string TakeString(char* s) {
  if (s == nullptr) return std::string();
  std::string out(s);
  free(s);
  return out;
}

}  // namespace nbh
