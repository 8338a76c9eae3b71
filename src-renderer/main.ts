/** Entry: pick the transport (Electron preload or WebSocket) and mount the app on it. */
import { mount } from 'svelte';
import App from './App.svelte';
import { pickBridge } from './bridge/pick-bridge';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');

export default mount(App, { target, props: { picked: pickBridge(window) } });
