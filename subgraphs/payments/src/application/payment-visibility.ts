/** Who is asking, as the gateway vouched for them. */
export interface Viewer {
  subject: string;
  roles: readonly string[];
}

/** A payment is the business of its customer and of admins; everyone else is told nothing, not even that it exists. */
export function maySeePayment(viewer: Viewer | null, payment: { customerId: string }): boolean {
  if (!viewer) return false;
  return viewer.roles.includes('admin') || viewer.subject === payment.customerId;
}
