/** Who is asking, as the API knows them: a customer's subject is their customer id. */
export interface Viewer {
  subject: string;
  roles: readonly string[];
}

/** A customer's notifications are theirs and the admins' to read; nobody else's, not even to learn they exist. */
export function maySee(viewer: Viewer | null, customerId: string): boolean {
  return viewer !== null && (viewer.subject === customerId || viewer.roles.includes('admin'));
}
