#include "conn_state.h"

#include <cstdlib>

#include "events.h"
#include "status.h"

namespace nbh {

void ConnState::Post(Message* msg) {
  std::lock_guard<std::mutex> lock(mu);
  if (!sinkLive || sink.NonBlockingCall(msg) != napi_ok) delete msg;
}

ConnState::~ConnState() {
  if (conn == nullptr) return;
  if (closeCbRegistered && virConnectUnregisterCloseCallback(conn, OnConnectionClosed) < 0) {
    ClearLibvirtError();
  }
  if (virConnectClose(conn) < 0) ClearLibvirtError();
}

ConnRef::ConnRef(const StatePtr& st) {
  std::lock_guard<std::mutex> lock(st->mu);
  if (st->conn != nullptr && virConnectRef(st->conn) == 0) conn_ = st->conn;
}

ConnRef::~ConnRef() {
  if (conn_ != nullptr) virConnectClose(conn_);  // drops the reference taken above
}

DomainRef::DomainRef(virConnectPtr conn, const std::string& uuid)
    : dom_(virDomainLookupByUUIDString(conn, uuid.c_str())) {}

DomainRef::~DomainRef() {
  if (dom_ != nullptr) virDomainFree(dom_);
}

std::string TakeString(char* s) {
  if (s == nullptr) return std::string();
  std::string out(s);
  free(s);
  return out;
}

}  // namespace nbh
