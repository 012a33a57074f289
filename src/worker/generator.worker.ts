import { expose } from 'comlink';
import { createSession, type EngineSession } from './session';

expose(createSession(() => import('./parquetBrowser').then((m) => m.loadParquetInWorker())));

export type EngineApi = EngineSession;
