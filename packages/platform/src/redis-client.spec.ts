import { redisNodes } from './redis-client';

describe('redisNodes', () => {
  it('reads one URL as one Redis, and several as seed nodes of a cluster', () => {
    expect(redisNodes('redis://127.0.0.1:6379')).toEqual({ cluster: false, nodes: ['redis://127.0.0.1:6379'] });
    expect(redisNodes('redis://10.0.0.1:7000, redis://10.0.0.2:7000,')).toEqual({ cluster: true, nodes: ['redis://10.0.0.1:7000', 'redis://10.0.0.2:7000'] });
  });

  it('names what is wrong with a REDIS_URL it cannot use', () => {
    expect(() => redisNodes(' , ')).toThrow('REDIS_URL is empty');
    expect(() => redisNodes('127.0.0.1:6379')).toThrow('REDIS_URL names "127.0.0.1:6379", which is not a redis:// URL');
    expect(() => redisNodes('redis://a:1,http://b:2')).toThrow('REDIS_URL names "http://b:2", which is not a redis:// or rediss:// URL');
  });
});
