// Callbacks libvirt runs on the event-loop thread, and their hand-off to JS.
#pragma once

#include <libvirt/libvirt.h>

#include "conn_state.h"

namespace nbh {

// virConnectRegisterCloseCallback target. opaque is the state's id (see conn_state.h), looked up
// when the callback runs, so it is harmless even if unregistering failed and the state is gone.
// (No freecb, and no heap opaque: drivers that do not support close callbacks accept the
// registration but never call freecb, which would leak.)
void OnConnectionClosed(virConnectPtr conn, int reason, void* opaque);

// Registers the close callback and keepalive right after open (lane thread). Failures are
// ignored: not every driver supports them (test:/// has neither).
void RegisterConnectionWatch(ConnState* st, virConnectPtr conn);

}  // namespace nbh
