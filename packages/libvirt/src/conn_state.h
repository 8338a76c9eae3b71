// ConnState: everything one open connection owns, shared between the JS object, in-flight tasks
// and libvirt callbacks (each holds a std::shared_ptr, so the state outlives whichever goes last).
//
// Lifetime rules, because close() and garbage collection can race with tasks and callbacks:
// - `conn` is the binding's own reference. Tasks take an extra libvirt reference (virConnectRef)
//   under `mu` for the duration of their work (ConnRef), so close() can drop ours at any time and
//   the virConnect object stays valid until the last task finishes.
// - `mu` is only ever held for a few instructions, never across a libvirt call, so the JS thread
//   may take it.
// - Detach() (JS thread: close(), or the destructor of a collected connection) takes `conn` out
//   under `mu` (later tasks see a closed connection), releases the sink and closes the lanes; the
//   blocking part, Teardown(), then runs on the process-wide teardown lane (lanes.h), never on the
//   JS thread and never behind this connection's own (possibly hung) calls.
// - `regMu` serialises event registration against Teardown, so a registration in flight cannot be
//   left behind on a connection that has been torn down. Only lane threads take it.
// - `sink` (the ThreadSafeFunction to JS) is only used under `mu` while `sinkLive` is true;
//   Detach and the TSFN finalizer (env teardown) clear it before it becomes invalid, so a close
//   callback or event arriving during or after close never touches a released TSFN.
// - The close callback's opaque is the state's `id`, not a pointer: libvirt may keep a close
//   callback registered when unregistering fails (it is an RPC), so the callback looks the state
//   up in a registry of weak references (FindState) and does nothing once it is gone.
// - The lifecycle registration's opaque is a heap StatePtr that libvirt frees (freecb) when the
//   registration is finally dropped.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include <libvirt/libvirt.h>
#include <napi.h>

#include "lanes.h"

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

struct ConnState;
using StatePtr = std::shared_ptr<ConnState>;

struct ConnState {
  // Use Create(): the state registers itself (weakly) under its id.
  static StatePtr Create(std::string uri);

  const uint64_t id;
  const std::string uri;
  const LanePtr query;   // reads (and open, event registration)
  const LanePtr action;  // lifecycle and snapshot actions

  std::mutex mu;
  virConnectPtr conn = nullptr;  // null once detached (or before open finished)

  Sink sink;
  bool sinkLive = false;

  std::mutex regMu;
  int lifecycleId = -1;  // virConnectDomainEventRegisterAny id, -1 when not registered
  bool closeCbRegistered = false;

  // Sends a message to JS if the sink is still live; takes ownership of `msg`. Any thread.
  void Post(Message* msg);

  // Safety net for a connection that was opened but never detached (its JS object was never
  // made, e.g. the environment went away): hands its teardown to the teardown lane.
  ~ConnState();

  ConnState(uint64_t id, std::string uri);
};

// The live state registered under `id`, or null. Any thread.
StatePtr FindState(uint64_t id);
// How many states are alive (for debugCounts).
int CountStates();

// JS thread. Takes the connection out of the state (tasks from now on see it closed), releases
// the sink and closes the lanes. Returns the binding's reference for Teardown, or null when the
// state was already detached. Idempotent.
virConnectPtr Detach(const StatePtr& st);
// Lane thread. Deregisters events and the close callback and drops the reference Detach returned.
// May block on libvirtd for as long as it takes to answer.
void Teardown(const StatePtr& st, virConnectPtr conn);
// Queues Teardown on the teardown lane with nobody waiting for the result.
void TeardownInBackground(const StatePtr& st, virConnectPtr conn);

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
