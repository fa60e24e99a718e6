/**
 * The AVANSER simulator on its own, so the gateway can run with AVANSER LIVE pointed at it
 * and the bench can send the very same request straight to it. Prints its credentials.
 */
import { pino } from 'pino';
import { startAvanserSimulator } from '../../src/datasources/avanser/simulator.js';

const sim = await startAvanserSimulator({ log: pino({ level: 'silent' }), timeScale: 0.001, webhookUrl: () => 'http://127.0.0.1:9/unused' });
process.stdout.write(`${JSON.stringify({ url: sim.baseUrl, live: sim.live })}\n`);
process.on('SIGTERM', () => void sim.close());
