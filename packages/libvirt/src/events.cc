// Domain lifecycle events and the connection close callback: libvirt calls these on the
// event-loop thread (event_loop.cc); they copy what they need and post it to JS.
#include "events.h"

#include <libvirt/virterror.h>

#include <cstdint>
#include <memory>

#include "completions.h"
#include "connection.h"
#include "status.h"
#include "task.h"

namespace nbh {

namespace {

constexpr int kKeepAliveIntervalSec = 5;
constexpr unsigned int kKeepAliveCount = 3;

int OnLifecycle(virConnectPtr /*conn*/, virDomainPtr dom, int event, int detail, void* opaque) {
  auto* msg = new Message(Message::kLifecycle);
  char uuid[VIR_UUID_STRING_BUFLEN];
  if (virDomainGetUUIDString(dom, uuid) == 0) msg->uuid = uuid;
  const char* name = virDomainGetName(dom);  // owned by dom, which libvirt frees after we return
  if (name != nullptr) msg->name = name;
  msg->event = event;
  msg->detail = detail;
  ClearLibvirtError();
  (*static_cast<StatePtr*>(opaque))->Post(msg);
  return 0;
}

// libvirt calls this when the registration is finally dropped (possibly after a dispatch that
// was running during deregistration finished), so the state reference lives exactly as long.
void FreeLifecycleOpaque(void* opaque) { delete static_cast<StatePtr*>(opaque); }

}  // namespace

void DeliverToJs(Napi::Env env, Napi::Function fn, std::nullptr_t*, Message* msg) {
  std::unique_ptr<Message> owned(msg);
  // env is null when the TSFN is being finalized with messages still queued: just free them; the
  // same while the environment shuts down (see completions.h).
  if (env == nullptr || fn == nullptr) return;
  Napi::HandleScope scope(env);
  if (!CanRunJs(env)) return;
  if (msg->kind == Message::kClose) {
    fn.Call({Napi::String::New(env, "close"), Napi::Number::New(env, msg->reason)});
  } else {
    fn.Call({Napi::String::New(env, "lifecycle"), Napi::String::New(env, msg->uuid),
             Napi::String::New(env, msg->name), Napi::Number::New(env, msg->event),
             Napi::Number::New(env, msg->detail)});
  }
}

void OnConnectionClosed(virConnectPtr /*conn*/, int reason, void* opaque) {
  StatePtr st = FindState(reinterpret_cast<uintptr_t>(opaque));
  if (!st) return;
  auto* msg = new Message(Message::kClose);
  msg->reason = reason;
  st->Post(msg);
}

void RegisterConnectionWatch(ConnState* st, virConnectPtr conn) {
  std::lock_guard<std::mutex> reg(st->regMu);
  void* opaque = reinterpret_cast<void*>(static_cast<uintptr_t>(st->id));
  if (virConnectRegisterCloseCallback(conn, OnConnectionClosed, opaque, nullptr) == 0) {
    st->closeCbRegistered = true;
  } else {
    ClearLibvirtError();
  }
  // Detects a dead libvirtd within ~interval * (count + 1) seconds even when we are idle.
  // Returns -1 for drivers without keepalive (local test:///) and 1 if the server lacks it.
  if (virConnectSetKeepAlive(conn, kKeepAliveIntervalSec, kKeepAliveCount) < 0) {
    ClearLibvirtError();
  }
}

// setLifecycleEvents(enabled: boolean): Promise<void> — the TS wrapper turns it on with the first
// listener and off with the last. Registration is a round trip to libvirtd, hence a task.
Napi::Value NativeConnection::SetLifecycleEvents(const Napi::CallbackInfo& info) {
  bool enable = info.Length() > 0 && info[0].ToBoolean().Value();
  StatePtr st = st_;
  return Task::Start(info.Env(), st->query, [st, enable]() {
    std::lock_guard<std::mutex> reg(st->regMu);
    ConnRef c(st);
    if (!c) return enable ? Status::Closed() : Status::Ok();
    if (enable && st->lifecycleId < 0) {
      auto* holder = new StatePtr(st);
      int id = virConnectDomainEventRegisterAny(c.get(), nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                VIR_DOMAIN_EVENT_CALLBACK(OnLifecycle), holder,
                                                FreeLifecycleOpaque);
      if (id < 0) {
        // On failure libvirt does not take ownership of the opaque.
        delete holder;
        return Status::FromLibvirt();
      }
      st->lifecycleId = id;
    } else if (!enable && st->lifecycleId >= 0) {
      int id = st->lifecycleId;
      st->lifecycleId = -1;
      if (virConnectDomainEventDeregisterAny(c.get(), id) < 0) return Status::FromLibvirt();
    }
    return Status::Ok();
  });
}

}  // namespace nbh
