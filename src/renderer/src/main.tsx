// First, so the opening reads are on their way while everything else is evaluated.
import './startup';
import './styles.css';
import './screen-print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { setUpI18n } from './i18n/setup';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

// Rendering waits for i18next so the first paint is already in the right language.
setUpI18n()
  .catch((error: unknown) => console.error('Translations failed to load', error))
  .finally(() =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
