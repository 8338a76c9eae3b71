// Domain listing, XML, define/undefine and lifecycle actions.
#include <libvirt/virterror.h>

#include <vector>

#include "connection.h"
#include "domain_summary.h"
#include "task.h"

namespace nbh {

namespace {

// A lifecycle action on one domain found by UUID (action lane).
Napi::Value DomainAction(const Napi::CallbackInfo& info, const StatePtr& st,
                         int (*action)(virDomainPtr)) {
  std::string uuid;
  if (!ArgString(info, 0, "uuid", &uuid)) return info.Env().Undefined();
  return Task::Start(info.Env(), st->action, [st, uuid, action]() {
    ConnRef c(st);
    if (!c) return Status::Closed();
    DomainRef d(c.get(), uuid);
    if (!d) return Status::FromLibvirt();
    if (action(d.get()) < 0) return Status::FromLibvirt();
    return Status::Ok();
  });
}

}  // namespace

Napi::Value NativeConnection::ListAllDomains(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto out = std::make_shared<std::vector<DomainSummary>>();
  return Task::Start(
      info.Env(), st->query,
      [st, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        virDomainPtr* doms = nullptr;
        int n = virConnectListAllDomains(c.get(), &doms, 0);
        if (n < 0) return Status::FromLibvirt();
        Status result = Status::Ok();
        for (int i = 0; i < n; i++) {
          DomainRef d(doms[i]);  // frees each domain, including after an early failure
          if (!result.ok) continue;
          DomainSummary s;
          Status one = Summarize(d.get(), &s);
          if (one.ok) {
            out->push_back(std::move(s));
          } else if (one.code != VIR_ERR_NO_DOMAIN) {
            result = one;  // a domain undefined since the listing is skipped, anything else fails
          }
        }
        free(doms);
        return result;
      },
      [out](Napi::Env env) {
        Napi::Array arr = Napi::Array::New(env, out->size());
        for (size_t i = 0; i < out->size(); i++) arr.Set(i, ToJs(env, (*out)[i]));
        return arr;
      });
}

// domainXml(uuid, flags: VIR_DOMAIN_XML_*)
Napi::Value NativeConnection::DomainXml(const Napi::CallbackInfo& info) {
  std::string uuid;
  unsigned int flags;
  if (!ArgString(info, 0, "uuid", &uuid) || !ArgUint(info, 1, "flags", &flags)) {
    return info.Env().Undefined();
  }
  StatePtr st = st_;
  auto out = std::make_shared<std::string>();
  return Task::Start(
      info.Env(), st->query,
      [st, uuid, flags, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        DomainRef d(c.get(), uuid);
        if (!d) return Status::FromLibvirt();
        char* xml = virDomainGetXMLDesc(d.get(), flags);
        if (xml == nullptr) return Status::FromLibvirt();
        *out = TakeString(xml);
        return Status::Ok();
      },
      [out](Napi::Env env) { return Napi::String::New(env, *out); });
}

Napi::Value NativeConnection::DefineXml(const Napi::CallbackInfo& info) {
  std::string xml;
  if (!ArgString(info, 0, "xml", &xml)) return info.Env().Undefined();
  StatePtr st = st_;
  auto out = std::make_shared<DomainSummary>();
  return Task::Start(
      info.Env(), st->action,
      [st, xml, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        DomainRef d(virDomainDefineXML(c.get(), xml.c_str()));
        if (!d) return Status::FromLibvirt();
        return Summarize(d.get(), out.get());
      },
      [out](Napi::Env env) { return ToJs(env, *out); });
}

// undefine(uuid, flags: VIR_DOMAIN_UNDEFINE_*)
Napi::Value NativeConnection::Undefine(const Napi::CallbackInfo& info) {
  std::string uuid;
  unsigned int flags;
  if (!ArgString(info, 0, "uuid", &uuid) || !ArgUint(info, 1, "flags", &flags)) {
    return info.Env().Undefined();
  }
  StatePtr st = st_;
  return Task::Start(info.Env(), st->action, [st, uuid, flags]() {
    ConnRef c(st);
    if (!c) return Status::Closed();
    DomainRef d(c.get(), uuid);
    if (!d) return Status::FromLibvirt();
    // virDomainUndefine (no flags) is what older drivers implement; prefer it when we can.
    int r = flags == 0 ? virDomainUndefine(d.get()) : virDomainUndefineFlags(d.get(), flags);
    if (r < 0) return Status::FromLibvirt();
    return Status::Ok();
  });
}

Napi::Value NativeConnection::Start(const Napi::CallbackInfo& info) {
  return DomainAction(info, st_, virDomainCreate);
}
Napi::Value NativeConnection::Shutdown(const Napi::CallbackInfo& info) {
  return DomainAction(info, st_, virDomainShutdown);
}
Napi::Value NativeConnection::Destroy(const Napi::CallbackInfo& info) {
  return DomainAction(info, st_, virDomainDestroy);
}
Napi::Value NativeConnection::Suspend(const Napi::CallbackInfo& info) {
  return DomainAction(info, st_, virDomainSuspend);
}
Napi::Value NativeConnection::Resume(const Napi::CallbackInfo& info) {
  return DomainAction(info, st_, virDomainResume);
}
// Flags 0: the hypervisor's default method (QEMU: ACPI, or the guest agent when configured).
static int RebootDefault(virDomainPtr d) { return virDomainReboot(d, 0); }
Napi::Value NativeConnection::Reboot(const Napi::CallbackInfo& info) {
  return DomainAction(info, st_, RebootDefault);
}

}  // namespace nbh
