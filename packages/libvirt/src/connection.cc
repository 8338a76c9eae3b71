// Opening and closing connections, and the host-level queries.
#include "connection.h"

#include <libvirt/virterror.h>

#include <cstring>
#include <optional>
#include <vector>

#include "event_loop.h"
#include "events.h"
#include "task.h"

namespace nbh {

namespace {

std::string VersionString(unsigned long v) {
  // libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release.
  return std::to_string(v / 1000000) + "." + std::to_string((v / 1000) % 1000) + "." +
         std::to_string(v % 1000);
}

// Runs a query that returns a libvirt-allocated string.
Napi::Value StringQuery(Napi::Env env, const StatePtr& st, char* (*query)(virConnectPtr)) {
  auto out = std::make_shared<std::string>();
  return Task::Start(
      env, st->query,
      [st, out, query]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        char* s = query(c.get());
        if (s == nullptr) return Status::FromLibvirt();
        *out = TakeString(s);
        return Status::Ok();
      },
      [out](Napi::Env env) { return Napi::String::New(env, *out); });
}

char* GetHostname(virConnectPtr c) { return virConnectGetHostname(c); }
char* GetCapabilities(virConnectPtr c) { return virConnectGetCapabilities(c); }
// NULLs: the hypervisor's defaults (emulator, arch, machine, virt type).
char* GetDomainCapabilities(virConnectPtr c) {
  return virConnectGetDomainCapabilities(c, nullptr, nullptr, nullptr, nullptr, 0);
}

// The host counters of virNodeGetMemoryStats / virNodeGetCPUStats, by field name.
using NodeCounters = std::vector<std::pair<std::string, unsigned long long>>;

// Both calls fill an array of {field[80], value} records (virNodeMemoryStats, virNodeCPUStats)
// for "all cells" / "all CPUs" (-1): first with nparams=0 to learn how many the driver reports,
// then into a vector of that size (ours; libvirt allocates nothing the caller must free).
template <typename Record>
Status QueryNodeCounters(virConnectPtr c,
                         int (*query)(virConnectPtr, int, Record*, int*, unsigned int), int which,
                         NodeCounters* out) {
  int n = 0;
  if (query(c, which, nullptr, &n, 0) < 0) return Status::FromLibvirt();
  if (n <= 0) return Status::Ok();
  std::vector<Record> records(n);
  if (query(c, which, records.data(), &n, 0) < 0) return Status::FromLibvirt();
  for (int i = 0; i < n && i < static_cast<int>(records.size()); i++) {
    const Record& r = records[i];
    out->emplace_back(std::string(r.field, strnlen(r.field, sizeof r.field)), r.value);
  }
  return Status::Ok();
}

std::optional<double> Counter(const NodeCounters& counters, const char* name) {
  for (const auto& [key, value] : counters) {
    if (key == name) return static_cast<double>(value);
  }
  return std::nullopt;
}

// A counter the result type promises; a driver that omits it fails the call instead of lying.
Status Require(const NodeCounters& counters, const char* call,
               std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (!Counter(counters, name)) {
      return Status::Error(VIR_ERR_INTERNAL_ERROR,
                           std::string(call) + " did not report '" + name + "'");
    }
  }
  return Status::Ok();
}

// A counter as a JS number, or null when the driver does not report it.
Napi::Value CounterOrNull(Napi::Env env, const NodeCounters& counters, const char* name) {
  std::optional<double> v = Counter(counters, name);
  return v ? Napi::Number::New(env, *v) : env.Null();
}

}  // namespace

Napi::Function NativeConnection::Define(Napi::Env env) {
  return DefineClass(
      env, "NativeConnection",
      {
          InstanceMethod<&NativeConnection::Close>("close"),
          InstanceMethod<&NativeConnection::IsAlive>("isAlive"),
          InstanceMethod<&NativeConnection::Hostname>("hostname"),
          InstanceMethod<&NativeConnection::NodeInfo>("nodeInfo"),
          InstanceMethod<&NativeConnection::Capabilities>("capabilities"),
          InstanceMethod<&NativeConnection::DomainCapabilities>("domainCapabilities"),
          InstanceMethod<&NativeConnection::LibVersion>("libVersion"),
          InstanceMethod<&NativeConnection::HypervisorVersion>("hypervisorVersion"),
          InstanceMethod<&NativeConnection::HypervisorType>("hypervisorType"),
          InstanceMethod<&NativeConnection::NodeMemoryStats>("nodeMemoryStats"),
          InstanceMethod<&NativeConnection::NodeCpuStats>("nodeCpuStats"),
          InstanceMethod<&NativeConnection::ListAllDomains>("listAllDomains"),
          InstanceMethod<&NativeConnection::DomainXml>("domainXml"),
          InstanceMethod<&NativeConnection::DefineXml>("defineXml"),
          InstanceMethod<&NativeConnection::Undefine>("undefine"),
          InstanceMethod<&NativeConnection::Start>("start"),
          InstanceMethod<&NativeConnection::Shutdown>("shutdown"),
          InstanceMethod<&NativeConnection::Destroy>("destroy"),
          InstanceMethod<&NativeConnection::Suspend>("suspend"),
          InstanceMethod<&NativeConnection::Resume>("resume"),
          InstanceMethod<&NativeConnection::Reboot>("reboot"),
          InstanceMethod<&NativeConnection::GetAllDomainStats>("getAllDomainStats"),
          InstanceMethod<&NativeConnection::ListSnapshots>("listSnapshots"),
          InstanceMethod<&NativeConnection::SnapshotXml>("snapshotXml"),
          InstanceMethod<&NativeConnection::CreateSnapshot>("createSnapshot"),
          InstanceMethod<&NativeConnection::RevertToSnapshot>("revertToSnapshot"),
          InstanceMethod<&NativeConnection::DeleteSnapshot>("deleteSnapshot"),
          InstanceMethod<&NativeConnection::SetLifecycleEvents>("setLifecycleEvents"),
      });
}

// Only Open() constructs instances, passing the state as an External; `new` from JS is refused.
NativeConnection::NativeConnection(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<NativeConnection>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    Napi::TypeError::New(info.Env(), "use open() to create a connection")
        .ThrowAsJavaScriptException();
    return;
  }
  st_ = *info[0].As<Napi::External<StatePtr>>().Data();
}

// Reached when a connection object is collected without close() (or at environment teardown).
NativeConnection::~NativeConnection() {
  if (!st_) return;
  virConnectPtr conn = Detach(st_);
  if (conn != nullptr) TeardownInBackground(st_, conn);
}

Napi::Value NativeConnection::Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string uri;
  if (!ArgString(info, 0, "uri", &uri)) return env.Undefined();
  bool readOnly = info.Length() > 1 && info[1].ToBoolean().Value();
  if (info.Length() < 3 || !info[2].IsFunction()) {
    Napi::TypeError::New(env, "dispatch must be a function").ThrowAsJavaScriptException();
    return env.Undefined();
  }

  std::string reason;
  if (!EnsureEventLoop(&reason)) {
    auto d = Napi::Promise::Deferred::New(env);
    d.Reject(Status::Error(VIR_ERR_INTERNAL_ERROR, reason).ToJs(env).Value());
    return d.Promise();
  }

  StatePtr st = ConnState::Create(uri);
  // The sink exists before the connection so the close callback has somewhere to post. Its
  // finalizer runs when it is released or when the environment is torn down; either way, mark it
  // dead so the event thread stops posting to it.
  st->sink = Sink::New(env, info[2].As<Napi::Function>(), "libvirt-events", 0, 1, nullptr,
                       [](Napi::Env, StatePtr* holder, std::nullptr_t*) {
                         {
                           std::lock_guard<std::mutex> lock((*holder)->mu);
                           (*holder)->sinkLive = false;
                         }
                         delete holder;
                       },
                       new StatePtr(st));
  // Unref: a pending event source must never keep the process alive on its own.
  st->sink.Unref(env);
  st->sinkLive = true;

  // On the new connection's own query lane: a slow or hung open holds up nobody else.
  return Task::Start(
      env, st->query,
      [st, uri, readOnly]() {
        virConnectPtr conn =
            readOnly ? virConnectOpenReadOnly(uri.c_str()) : virConnectOpen(uri.c_str());
        if (conn == nullptr) return Status::FromLibvirt();
        RegisterConnectionWatch(st.get(), conn);
        std::lock_guard<std::mutex> lock(st->mu);
        st->conn = conn;
        return Status::Ok();
      },
      [st](Napi::Env env) -> Napi::Value {
        StatePtr copy = st;
        return env.GetInstanceData<AddonData>()->connectionClass.New(
            {Napi::External<StatePtr>::New(env, &copy)});
      },
      [st](Napi::Env) { Detach(st); });
}

// close(): detaches at once (later calls are refused, events stop) and resolves when the teardown,
// on the teardown lane, is done. A second close() resolves at once.
Napi::Value NativeConnection::Close(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  virConnectPtr conn = Detach(st);
  if (conn == nullptr) return Settled(info.Env(), Status::Ok());
  return Task::Start(info.Env(), TeardownLane(), [st, conn]() {
    Teardown(st, conn);
    return Status::Ok();
  });
}

Napi::Value NativeConnection::IsAlive(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto alive = std::make_shared<bool>(false);
  return Task::Start(
      info.Env(), st->query,
      [st, alive]() {
        ConnRef c(st);
        if (!c) return Status::Ok();  // a closed connection is simply not alive
        int r = virConnectIsAlive(c.get());
        if (r < 0) ClearLibvirtError();
        *alive = r == 1;
        return Status::Ok();
      },
      [alive](Napi::Env env) { return Napi::Boolean::New(env, *alive); });
}

Napi::Value NativeConnection::Hostname(const Napi::CallbackInfo& info) {
  return StringQuery(info.Env(), st_, GetHostname);
}

Napi::Value NativeConnection::Capabilities(const Napi::CallbackInfo& info) {
  return StringQuery(info.Env(), st_, GetCapabilities);
}

Napi::Value NativeConnection::DomainCapabilities(const Napi::CallbackInfo& info) {
  return StringQuery(info.Env(), st_, GetDomainCapabilities);
}

Napi::Value NativeConnection::HypervisorType(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto out = std::make_shared<std::string>();
  return Task::Start(
      info.Env(), st->query,
      [st, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        const char* t = virConnectGetType(c.get());  // static string owned by the driver
        if (t == nullptr) return Status::FromLibvirt();
        *out = t;
        return Status::Ok();
      },
      [out](Napi::Env env) { return Napi::String::New(env, *out); });
}

Napi::Value NativeConnection::NodeInfo(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto ni = std::make_shared<virNodeInfo>();
  return Task::Start(
      info.Env(), st->query,
      [st, ni]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        if (virNodeGetInfo(c.get(), ni.get()) < 0) return Status::FromLibvirt();
        return Status::Ok();
      },
      [ni](Napi::Env env) {
        Napi::Object o = Napi::Object::New(env);
        o.Set("model", Napi::String::New(env, ni->model, strnlen(ni->model, sizeof ni->model)));
        o.Set("memoryKiB", Napi::Number::New(env, static_cast<double>(ni->memory)));
        o.Set("cpus", Napi::Number::New(env, ni->cpus));
        o.Set("mhz", Napi::Number::New(env, ni->mhz));
        o.Set("nodes", Napi::Number::New(env, ni->nodes));
        o.Set("sockets", Napi::Number::New(env, ni->sockets));
        o.Set("cores", Napi::Number::New(env, ni->cores));
        o.Set("threads", Napi::Number::New(env, ni->threads));
        return o;
      });
}

Napi::Value NativeConnection::NodeMemoryStats(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto out = std::make_shared<NodeCounters>();
  return Task::Start(
      info.Env(), st->query,
      [st, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        Status s = QueryNodeCounters(c.get(), virNodeGetMemoryStats,
                                     VIR_NODE_MEMORY_STATS_ALL_CELLS, out.get());
        if (!s.ok) return s;
        return Require(*out, "virNodeGetMemoryStats",
                       {VIR_NODE_MEMORY_STATS_TOTAL, VIR_NODE_MEMORY_STATS_FREE});
      },
      [out](Napi::Env env) {
        Napi::Object o = Napi::Object::New(env);
        o.Set("totalKiB", CounterOrNull(env, *out, VIR_NODE_MEMORY_STATS_TOTAL));
        o.Set("freeKiB", CounterOrNull(env, *out, VIR_NODE_MEMORY_STATS_FREE));
        o.Set("buffersKiB", CounterOrNull(env, *out, VIR_NODE_MEMORY_STATS_BUFFERS));
        o.Set("cachedKiB", CounterOrNull(env, *out, VIR_NODE_MEMORY_STATS_CACHED));
        return o;
      });
}

Napi::Value NativeConnection::NodeCpuStats(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto out = std::make_shared<NodeCounters>();
  return Task::Start(
      info.Env(), st->query,
      [st, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        Status s = QueryNodeCounters(c.get(), virNodeGetCPUStats, VIR_NODE_CPU_STATS_ALL_CPUS,
                                     out.get());
        if (!s.ok) return s;
        return Require(*out, "virNodeGetCPUStats",
                       {VIR_NODE_CPU_STATS_KERNEL, VIR_NODE_CPU_STATS_USER,
                        VIR_NODE_CPU_STATS_IDLE});
      },
      [out](Napi::Env env) {
        Napi::Object o = Napi::Object::New(env);
        o.Set("kernelNs", CounterOrNull(env, *out, VIR_NODE_CPU_STATS_KERNEL));
        o.Set("userNs", CounterOrNull(env, *out, VIR_NODE_CPU_STATS_USER));
        o.Set("idleNs", CounterOrNull(env, *out, VIR_NODE_CPU_STATS_IDLE));
        o.Set("iowaitNs", CounterOrNull(env, *out, VIR_NODE_CPU_STATS_IOWAIT));
        return o;
      });
}

// Shared by libVersion/hypervisorVersion: both fill an unsigned long.
static Napi::Value VersionQuery(Napi::Env env, const StatePtr& st,
                               int (*query)(virConnectPtr, unsigned long*)) {
  auto v = std::make_shared<unsigned long>(0);
  return Task::Start(
      env, st->query,
      [st, v, query]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        if (query(c.get(), v.get()) < 0) return Status::FromLibvirt();
        return Status::Ok();
      },
      [v](Napi::Env env) { return Napi::String::New(env, VersionString(*v)); });
}

Napi::Value NativeConnection::LibVersion(const Napi::CallbackInfo& info) {
  return VersionQuery(info.Env(), st_, virConnectGetLibVersion);
}

Napi::Value NativeConnection::HypervisorVersion(const Napi::CallbackInfo& info) {
  return VersionQuery(info.Env(), st_, virConnectGetVersion);
}

}  // namespace nbh
