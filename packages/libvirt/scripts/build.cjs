// Placeholder: replaced by the binding's real build script.
console.log('libvirt binding: build pending');
