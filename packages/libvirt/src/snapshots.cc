// Domain snapshots: list (with parent and current), XML, create, revert, delete.
#include <libvirt/virterror.h>

#include <vector>

#include "connection.h"
#include "task.h"

namespace nbh {

namespace {

struct SnapshotInfo {
  std::string name, parent;
  bool hasParent = false, current = false;
};

class SnapshotRef {
 public:
  explicit SnapshotRef(virDomainSnapshotPtr s) : snap_(s) {}
  ~SnapshotRef() {
    if (snap_ != nullptr) virDomainSnapshotFree(snap_);
  }
  SnapshotRef(const SnapshotRef&) = delete;
  SnapshotRef& operator=(const SnapshotRef&) = delete;
  explicit operator bool() const { return snap_ != nullptr; }
  virDomainSnapshotPtr get() const { return snap_; }

 private:
  virDomainSnapshotPtr snap_;
};

Status Describe(virDomainSnapshotPtr snap, SnapshotInfo* out) {
  const char* name = virDomainSnapshotGetName(snap);  // owned by snap
  if (name == nullptr) return Status::FromLibvirt();
  out->name = name;
  SnapshotRef parent(virDomainSnapshotGetParent(snap, 0));
  if (parent) {
    const char* pname = virDomainSnapshotGetName(parent.get());
    if (pname != nullptr) {
      out->parent = pname;
      out->hasParent = true;
    }
  } else {
    // A root snapshot has no parent: libvirt reports VIR_ERR_NO_DOMAIN_SNAPSHOT, not an error here.
    Status s = Status::FromLibvirt();
    if (s.code != VIR_ERR_NO_DOMAIN_SNAPSHOT) return s;
  }
  int current = virDomainSnapshotIsCurrent(snap, 0);
  if (current < 0) return Status::FromLibvirt();
  out->current = current == 1;
  return Status::Ok();
}

// Parents before children makes a tree easy to build on the JS side; older drivers may reject
// the flag, in which case we take libvirt's default order.
int ListSnapshotsOrdered(virDomainPtr dom, virDomainSnapshotPtr** snaps) {
  int n = virDomainListAllSnapshots(dom, snaps, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL);
  if (n >= 0) return n;
  virErrorPtr err = virGetLastError();
  if (err == nullptr || (err->code != VIR_ERR_INVALID_ARG && err->code != VIR_ERR_NO_SUPPORT)) {
    return n;
  }
  virResetLastError();
  return virDomainListAllSnapshots(dom, snaps, 0);
}

// Shared shape of the calls that act on one named snapshot of one domain.
using SnapshotAction = std::function<Status(virDomainSnapshotPtr)>;

Status WithSnapshot(const StatePtr& st, const std::string& uuid, const std::string& name,
                    const SnapshotAction& action) {
  ConnRef c(st);
  if (!c) return Status::Closed();
  DomainRef d(c.get(), uuid);
  if (!d) return Status::FromLibvirt();
  SnapshotRef s(virDomainSnapshotLookupByName(d.get(), name.c_str(), 0));
  if (!s) return Status::FromLibvirt();
  return action(s.get());
}

}  // namespace

Napi::Value NativeConnection::ListSnapshots(const Napi::CallbackInfo& info) {
  std::string uuid;
  if (!ArgString(info, 0, "uuid", &uuid)) return info.Env().Undefined();
  StatePtr st = st_;
  auto out = std::make_shared<std::vector<SnapshotInfo>>();
  return Task::Start(
      info.Env(), st->query,
      [st, uuid, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        DomainRef d(c.get(), uuid);
        if (!d) return Status::FromLibvirt();
        virDomainSnapshotPtr* snaps = nullptr;
        int n = ListSnapshotsOrdered(d.get(), &snaps);
        if (n < 0) return Status::FromLibvirt();
        Status result = Status::Ok();
        for (int i = 0; i < n; i++) {
          SnapshotRef s(snaps[i]);  // freed even after an earlier failure
          if (!result.ok) continue;
          SnapshotInfo si;
          result = Describe(s.get(), &si);
          if (result.ok) out->push_back(std::move(si));
        }
        free(snaps);
        return result;
      },
      [out](Napi::Env env) {
        Napi::Array arr = Napi::Array::New(env, out->size());
        for (size_t i = 0; i < out->size(); i++) {
          const SnapshotInfo& s = (*out)[i];
          Napi::Object o = Napi::Object::New(env);
          o.Set("name", s.name);
          o.Set("parent", s.hasParent ? Napi::Value(Napi::String::New(env, s.parent)) : env.Null());
          o.Set("current", Napi::Boolean::New(env, s.current));
          arr.Set(i, o);
        }
        return arr;
      });
}

// snapshotXml(uuid, name, flags: VIR_DOMAIN_SNAPSHOT_XML_*)
Napi::Value NativeConnection::SnapshotXml(const Napi::CallbackInfo& info) {
  std::string uuid, name;
  unsigned int flags;
  if (!ArgString(info, 0, "uuid", &uuid) || !ArgString(info, 1, "name", &name) ||
      !ArgUint(info, 2, "flags", &flags)) {
    return info.Env().Undefined();
  }
  StatePtr st = st_;
  auto out = std::make_shared<std::string>();
  return Task::Start(
      info.Env(), st->query,
      [st, uuid, name, flags, out]() {
        return WithSnapshot(st, uuid, name, [&](virDomainSnapshotPtr s) {
          char* xml = virDomainSnapshotGetXMLDesc(s, flags);
          if (xml == nullptr) return Status::FromLibvirt();
          *out = TakeString(xml);
          return Status::Ok();
        });
      },
      [out](Napi::Env env) { return Napi::String::New(env, *out); });
}

// createSnapshot(uuid, xml, flags: VIR_DOMAIN_SNAPSHOT_CREATE_*): Promise<string> (the new name)
Napi::Value NativeConnection::CreateSnapshot(const Napi::CallbackInfo& info) {
  std::string uuid, xml;
  unsigned int flags;
  if (!ArgString(info, 0, "uuid", &uuid) || !ArgString(info, 1, "xml", &xml) ||
      !ArgUint(info, 2, "flags", &flags)) {
    return info.Env().Undefined();
  }
  StatePtr st = st_;
  auto out = std::make_shared<std::string>();
  return Task::Start(
      info.Env(), st->action,
      [st, uuid, xml, flags, out]() {
        ConnRef c(st);
        if (!c) return Status::Closed();
        DomainRef d(c.get(), uuid);
        if (!d) return Status::FromLibvirt();
        SnapshotRef s(virDomainSnapshotCreateXML(d.get(), xml.c_str(), flags));
        if (!s) return Status::FromLibvirt();
        const char* name = virDomainSnapshotGetName(s.get());
        if (name == nullptr) return Status::FromLibvirt();
        *out = name;
        return Status::Ok();
      },
      [out](Napi::Env env) { return Napi::String::New(env, *out); });
}

// revertToSnapshot(uuid, name, flags: VIR_DOMAIN_SNAPSHOT_REVERT_*)
Napi::Value NativeConnection::RevertToSnapshot(const Napi::CallbackInfo& info) {
  std::string uuid, name;
  unsigned int flags;
  if (!ArgString(info, 0, "uuid", &uuid) || !ArgString(info, 1, "name", &name) ||
      !ArgUint(info, 2, "flags", &flags)) {
    return info.Env().Undefined();
  }
  StatePtr st = st_;
  return Task::Start(info.Env(), st->action, [st, uuid, name, flags]() {
    return WithSnapshot(st, uuid, name, [flags](virDomainSnapshotPtr s) {
      return virDomainRevertToSnapshot(s, flags) < 0 ? Status::FromLibvirt() : Status::Ok();
    });
  });
}

// deleteSnapshot(uuid, name, flags: VIR_DOMAIN_SNAPSHOT_DELETE_*)
Napi::Value NativeConnection::DeleteSnapshot(const Napi::CallbackInfo& info) {
  std::string uuid, name;
  unsigned int flags;
  if (!ArgString(info, 0, "uuid", &uuid) || !ArgString(info, 1, "name", &name) ||
      !ArgUint(info, 2, "flags", &flags)) {
    return info.Env().Undefined();
  }
  StatePtr st = st_;
  return Task::Start(info.Env(), st->action, [st, uuid, name, flags]() {
    return WithSnapshot(st, uuid, name, [flags](virDomainSnapshotPtr s) {
      return virDomainSnapshotDelete(s, flags) < 0 ? Status::FromLibvirt() : Status::Ok();
    });
  });
}

}  // namespace nbh
