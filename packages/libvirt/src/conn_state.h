// ConnState: everything one open connection owns, shared between the JS object, in-flight tasks
// and libvirt callbacks (each holds a std::shared_ptr, so the state outlives whichever goes last).
//
// Lifetime rules, because close() can race with tasks and callbacks:
// - `conn` is the binding's own reference. Tasks take an extra libvirt reference (virConnectRef)
//   under `mu` for the duration of their work (ConnRef), so close() can drop ours at any time and
//   the virConnect object stays valid until the last task finishes.
// - `regMu` serialises event registration against close(), so a registration in flight cannot be
//   left behind on a connection that close() has already cleaned up.
// - `sink` (the ThreadSafeFunction to JS) is only used under `mu` while `sinkLive` is true;
//   close() and the TSFN finalizer (env teardown) clear it before it becomes invalid, so a close
//   callback or event arriving during or after close never touches a released TSFN.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <libvirt/libvirt.h>
#include <napi.h>

namespace nbh {

// What the libvirt event thread hands to JS.
struct Message {
  enum Kind { kClose, kLifecycle };
  explicit Message(Kind k) : kind(k) {}
  Kind kind;
  int reason = 0;  // close: virConnectCloseReason
  std::string uuid, name;
  int event = 0, detail = 0;  // lifecycle: virDomainEventType and its detail
};

void DeliverToJs(Napi::Env env, Napi::Function fn, std::nullptr_t* ctx, Message* msg);
using Sink = Napi::TypedThreadSafeFunction<std::nullptr_t, Message, DeliverToJs>;

struct ConnState {
  std::mutex mu;
  virConnectPtr conn = nullptr;  // null once close() started (or before open finished)
  std::string uri;

  Sink sink;
  bool sinkLive = false;

  std::mutex regMu;
  int lifecycleId = -1;  // virConnectDomainEventRegisterAny id, -1 when not registered
  bool closeCbRegistered = false;

  // Sends a message to JS if the sink is still live; takes ownership of `msg`. Any thread.
  void Post(Message* msg);

  // Safety net for a connection that was opened but never reached its JS object (environment
  // torn down in between): unregister the close callback, whose opaque is this object, and drop
  // the reference. Normally Teardown has already done both and `conn` is null.
  ~ConnState();
};

using StatePtr = std::shared_ptr<ConnState>;

// A libvirt reference to the connection for the duration of one task.
class ConnRef {
 public:
  explicit ConnRef(const StatePtr& st);
  ~ConnRef();
  ConnRef(const ConnRef&) = delete;
  ConnRef& operator=(const ConnRef&) = delete;
  explicit operator bool() const { return conn_ != nullptr; }
  virConnectPtr get() const { return conn_; }

 private:
  virConnectPtr conn_ = nullptr;
};

// A looked-up domain, freed when it goes out of scope.
class DomainRef {
 public:
  DomainRef(virConnectPtr conn, const std::string& uuid);
  explicit DomainRef(virDomainPtr dom) : dom_(dom) {}
  ~DomainRef();
  DomainRef(const DomainRef&) = delete;
  DomainRef& operator=(const DomainRef&) = delete;
  explicit operator bool() const { return dom_ != nullptr; }
  virDomainPtr get() const { return dom_; }

 private:
  virDomainPtr dom_ = nullptr;
};

// A string returned by libvirt that the caller must free().
std::string TakeString(char* s);

}  // namespace nbh
