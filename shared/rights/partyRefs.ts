/** A person or company in a credit or split. */
export interface PartyRef {
  readonly partyId: string;
  readonly name: string;
  readonly isni?: string | null;
  readonly ipi?: string | null;
}

export interface ShareRef extends PartyRef {
  readonly role: string;
  readonly shareBp: number;
}
