import './app/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBridge } from './bridge';
import { BridgeContext } from './app/BridgeContext';
import { App } from './app/App';
import { notifications } from './app/Notifications';
import './styles/theme.css';
import './styles/catalog.css';
import './styles/analytics.css';
import './styles/studio.css';
import './styles/lineage.css';

const bridge = connectBridge();

window.addEventListener('unhandledrejection', (event) => {
  notifications.error(event.reason instanceof Error ? event.reason.message : String(event.reason));
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>
  </StrictMode>,
);
