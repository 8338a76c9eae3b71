// Bulk statistics: one virConnectGetAllDomainStats call for every domain, instead of a handful
// of round trips per domain (see DESIGN.md: monitors must not burn the CPU they watch).
#include <libvirt/virterror.h>

#include <vector>

#include "connection.h"
#include "task.h"
#include "typed_params.h"

namespace nbh {

namespace {

struct StatsRecord {
  std::string uuid, name;
  Params params;
};

constexpr unsigned int kStatGroups = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                                     VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
                                     VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK;

// NOWAIT: a domain busy with a job (e.g. a memory snapshot) reports what it can immediately
// instead of stalling the whole sweep. Drivers that reject the flag get a plain call.
int QueryStats(virConnectPtr conn, virDomainStatsRecordPtr** records) {
  int n = virConnectGetAllDomainStats(conn, kStatGroups, records,
                                      VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT);
  if (n >= 0) return n;
  virErrorPtr err = virGetLastError();
  if (err == nullptr || (err->code != VIR_ERR_INVALID_ARG && err->code != VIR_ERR_NO_SUPPORT)) {
    return n;
  }
  virResetLastError();
  return virConnectGetAllDomainStats(conn, kStatGroups, records, 0);
}

}  // namespace

Napi::Value NativeConnection::GetAllDomainStats(const Napi::CallbackInfo& info) {
  StatePtr st = st_;
  auto out = std::make_shared<std::vector<StatsRecord>>();
  return Task::Start(
      info.Env(), st->query,
      [st, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        virDomainStatsRecordPtr* records = nullptr;
        int n = QueryStats(c.get(), &records);
        if (n < 0) return Status::FromLibvirt();
        out->resize(n);
        for (int i = 0; i < n; i++) {
          StatsRecord& r = (*out)[i];
          char uuid[VIR_UUID_STRING_BUFLEN];
          if (virDomainGetUUIDString(records[i]->dom, uuid) == 0) r.uuid = uuid;
          const char* name = virDomainGetName(records[i]->dom);
          if (name != nullptr) r.name = name;
          CopyParams(records[i]->params, records[i]->nparams, &r.params);
        }
        // Frees every record, its params and its domain reference.
        virDomainStatsRecordListFree(records);
        return Status::Ok();
      },
      [out](Napi::Env env) {
        Napi::Array arr = Napi::Array::New(env, out->size());
        for (size_t i = 0; i < out->size(); i++) {
          const StatsRecord& r = (*out)[i];
          Napi::Object o = Napi::Object::New(env);
          o.Set("uuid", r.uuid);
          o.Set("name", r.name);
          o.Set("params", ToJs(env, r.params));
          arr.Set(i, o);
        }
        return arr;
      });
}

}  // namespace nbh
