import { startSystem } from '../../test/support/system';
(async () => {
  const system = await startSystem();
  console.log(`GATEWAY ${system.gatewayUrl}/graphql`);
  const stop = () => void system.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
})();
