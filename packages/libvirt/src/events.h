// Callbacks libvirt runs on the event-loop thread, and their hand-off to JS.
#pragma once

#include <libvirt/libvirt.h>

#include "conn_state.h"

namespace nbh {

// virConnectRegisterCloseCallback target. opaque is the raw ConnState*: libvirt serialises this
// callback against virConnectUnregisterCloseCallback, and Teardown unregisters it while holding
// a StatePtr, so the state is alive whenever it runs. (No freecb: drivers that do not support
// close callbacks accept the registration but never call freecb, which would leak.)
void OnConnectionClosed(virConnectPtr conn, int reason, void* opaque);

// Registers the close callback and keepalive right after open (pool thread). Failures are
// ignored: not every driver supports them (test:/// has neither).
void RegisterConnectionWatch(ConnState* st, virConnectPtr conn);

}  // namespace nbh
