import { Promotion, type PromotionState } from '../domain/promotion.aggregate';
import type { Promotion as PromotionRow } from './prisma/generated/client';

export function toDomain(row: PromotionRow): Promotion {
  return Promotion.restore({ id: row.id, name: row.name, createdAt: row.createdAt, version: row.version });
}

export function toPersistence(state: PromotionState) {
  return { id: state.id, name: state.name, createdAt: state.createdAt, version: state.version };
}
