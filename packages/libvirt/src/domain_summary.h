// DomainSummary: the per-domain facts listAllDomains and defineXml return, copied out of libvirt
// on the lane thread so the JS thread only builds objects.
#pragma once

#include <string>

#include <libvirt/libvirt.h>
#include <napi.h>

#include "status.h"

namespace nbh {

struct DomainSummary {
  std::string uuid, name;
  int id = -1;  // -1 when inactive
  bool active = false, persistent = false;
  int state = 0, reason = 0;
  double maxMemoryKiB = 0, memoryKiB = 0, cpuTimeNs = 0;
  unsigned int vcpus = 0;
};

// Reads one domain (several calls; each is a round trip on remote connections).
Status Summarize(virDomainPtr dom, DomainSummary* out);
Napi::Object ToJs(Napi::Env env, const DomainSummary& s);

}  // namespace nbh
