// libvirt's numeric constants as compiled into this build. The TS wrapper carries its own copies
// (so they exist even when the binding is unavailable); a test checks the two agree.
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <napi.h>

namespace nbh {

Napi::Object Constants(Napi::Env env) {
  auto group = [&](std::initializer_list<std::pair<const char*, double>> kv) {
    Napi::Object o = Napi::Object::New(env);
    for (const auto& [k, v] : kv) o.Set(k, Napi::Number::New(env, v));
    return o;
  };
  Napi::Object c = Napi::Object::New(env);
  c.Set("DomainState", group({{"NOSTATE", VIR_DOMAIN_NOSTATE},
                              {"RUNNING", VIR_DOMAIN_RUNNING},
                              {"BLOCKED", VIR_DOMAIN_BLOCKED},
                              {"PAUSED", VIR_DOMAIN_PAUSED},
                              {"SHUTDOWN", VIR_DOMAIN_SHUTDOWN},
                              {"SHUTOFF", VIR_DOMAIN_SHUTOFF},
                              {"CRASHED", VIR_DOMAIN_CRASHED},
                              {"PMSUSPENDED", VIR_DOMAIN_PMSUSPENDED}}));
  c.Set("SnapshotCreateFlags",
        group({{"REDEFINE", VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE},
               {"CURRENT", VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT},
               {"NO_METADATA", VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA},
               {"HALT", VIR_DOMAIN_SNAPSHOT_CREATE_HALT},
               {"DISK_ONLY", VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY},
               {"REUSE_EXT", VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT},
               {"QUIESCE", VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE},
               {"ATOMIC", VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC},
               {"LIVE", VIR_DOMAIN_SNAPSHOT_CREATE_LIVE},
               {"VALIDATE", VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE}}));
  c.Set("SnapshotRevertFlags", group({{"RUNNING", VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING},
                                      {"PAUSED", VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED},
                                      {"FORCE", VIR_DOMAIN_SNAPSHOT_REVERT_FORCE},
                                      {"RESET_NVRAM", VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM}}));
  c.Set("SnapshotDeleteFlags",
        group({{"CHILDREN", VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN},
               {"METADATA_ONLY", VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY},
               {"CHILDREN_ONLY", VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY}}));
  c.Set("DomainXmlFlags",
        group({{"SECURE", VIR_DOMAIN_XML_SECURE}, {"INACTIVE", VIR_DOMAIN_XML_INACTIVE}}));
  c.Set("UndefineFlags", group({{"MANAGED_SAVE", VIR_DOMAIN_UNDEFINE_MANAGED_SAVE},
                                {"SNAPSHOTS_METADATA", VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA},
                                {"NVRAM", VIR_DOMAIN_UNDEFINE_NVRAM},
                                {"KEEP_NVRAM", VIR_DOMAIN_UNDEFINE_KEEP_NVRAM},
                                {"CHECKPOINTS_METADATA",
                                 VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA}}));
  c.Set("DomainEventType", group({{"DEFINED", VIR_DOMAIN_EVENT_DEFINED},
                                  {"UNDEFINED", VIR_DOMAIN_EVENT_UNDEFINED},
                                  {"STARTED", VIR_DOMAIN_EVENT_STARTED},
                                  {"SUSPENDED", VIR_DOMAIN_EVENT_SUSPENDED},
                                  {"RESUMED", VIR_DOMAIN_EVENT_RESUMED},
                                  {"STOPPED", VIR_DOMAIN_EVENT_STOPPED},
                                  {"SHUTDOWN", VIR_DOMAIN_EVENT_SHUTDOWN},
                                  {"PMSUSPENDED", VIR_DOMAIN_EVENT_PMSUSPENDED},
                                  {"CRASHED", VIR_DOMAIN_EVENT_CRASHED}}));
  c.Set("CloseReason", group({{"ERROR", VIR_CONNECT_CLOSE_REASON_ERROR},
                              {"EOF", VIR_CONNECT_CLOSE_REASON_EOF},
                              {"KEEPALIVE", VIR_CONNECT_CLOSE_REASON_KEEPALIVE},
                              {"CLIENT", VIR_CONNECT_CLOSE_REASON_CLIENT}}));
  // The virErrorNumber values ErrorCode names (its negative, binding-only codes are not libvirt's).
  c.Set("ErrorCode", group({{"INTERNAL_ERROR", VIR_ERR_INTERNAL_ERROR},
                            {"NO_SUPPORT", VIR_ERR_NO_SUPPORT},
                            {"NO_CONNECT", VIR_ERR_NO_CONNECT},
                            {"INVALID_CONN", VIR_ERR_INVALID_CONN},
                            {"INVALID_ARG", VIR_ERR_INVALID_ARG},
                            {"OPERATION_FAILED", VIR_ERR_OPERATION_FAILED},
                            {"XML_ERROR", VIR_ERR_XML_ERROR},
                            {"DOM_EXIST", VIR_ERR_DOM_EXIST},
                            {"OPERATION_DENIED", VIR_ERR_OPERATION_DENIED},
                            {"XML_DETAIL", VIR_ERR_XML_DETAIL},
                            {"SYSTEM_ERROR", VIR_ERR_SYSTEM_ERROR},
                            {"RPC", VIR_ERR_RPC},
                            {"NO_DOMAIN", VIR_ERR_NO_DOMAIN},
                            {"AUTH_FAILED", VIR_ERR_AUTH_FAILED},
                            {"OPERATION_INVALID", VIR_ERR_OPERATION_INVALID},
                            {"CONFIG_UNSUPPORTED", VIR_ERR_CONFIG_UNSUPPORTED},
                            {"OPERATION_TIMEOUT", VIR_ERR_OPERATION_TIMEOUT},
                            {"INVALID_DOMAIN_SNAPSHOT", VIR_ERR_INVALID_DOMAIN_SNAPSHOT},
                            {"NO_DOMAIN_SNAPSHOT", VIR_ERR_NO_DOMAIN_SNAPSHOT},
                            {"SNAPSHOT_REVERT_RISKY", VIR_ERR_SNAPSHOT_REVERT_RISKY},
                            {"OPERATION_ABORTED", VIR_ERR_OPERATION_ABORTED},
                            {"OPERATION_UNSUPPORTED", VIR_ERR_OPERATION_UNSUPPORTED},
                            {"AGENT_UNRESPONSIVE", VIR_ERR_AGENT_UNRESPONSIVE}}));
  return c;
}

}  // namespace nbh
