#include "domain_summary.h"

namespace nbh {

Status Summarize(virDomainPtr dom, DomainSummary* out) {
  char uuid[VIR_UUID_STRING_BUFLEN];
  if (virDomainGetUUIDString(dom, uuid) < 0) return Status::FromLibvirt();
  out->uuid = uuid;
  const char* name = virDomainGetName(dom);  // owned by dom
  if (name == nullptr) return Status::FromLibvirt();
  out->name = name;
  unsigned int id = virDomainGetID(dom);
  out->id = id == static_cast<unsigned int>(-1) ? -1 : static_cast<int>(id);

  int active = virDomainIsActive(dom);
  if (active < 0) return Status::FromLibvirt();
  out->active = active == 1;
  int persistent = virDomainIsPersistent(dom);
  if (persistent < 0) return Status::FromLibvirt();
  out->persistent = persistent == 1;

  virDomainInfo info;
  if (virDomainGetInfo(dom, &info) < 0) return Status::FromLibvirt();
  out->maxMemoryKiB = static_cast<double>(info.maxMem);
  out->memoryKiB = static_cast<double>(info.memory);
  out->vcpus = info.nrVirtCpu;
  out->cpuTimeNs = static_cast<double>(info.cpuTime);

  // virDomainGetInfo has the state but not its reason.
  if (virDomainGetState(dom, &out->state, &out->reason, 0) < 0) return Status::FromLibvirt();
  return Status::Ok();
}

Napi::Object ToJs(Napi::Env env, const DomainSummary& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("uuid", s.uuid);
  o.Set("name", s.name);
  o.Set("id", Napi::Number::New(env, s.id));
  o.Set("active", Napi::Boolean::New(env, s.active));
  o.Set("persistent", Napi::Boolean::New(env, s.persistent));
  o.Set("state", Napi::Number::New(env, s.state));
  o.Set("reason", Napi::Number::New(env, s.reason));
  o.Set("maxMemoryKiB", Napi::Number::New(env, s.maxMemoryKiB));
  o.Set("memoryKiB", Napi::Number::New(env, s.memoryKiB));
  o.Set("vcpus", Napi::Number::New(env, s.vcpus));
  o.Set("cpuTimeNs", Napi::Number::New(env, s.cpuTimeNs));
  return o;
}

}  // namespace nbh
