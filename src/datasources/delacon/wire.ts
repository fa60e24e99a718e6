/**
 * Delacon's Provisioning API as it travels: form-encoded requests, JSON answers whose
 * `RESULT` is the verdict (every value a string). See README: Documented and inferred.
 */

/** What every answer may carry: the verdict and Delacon's words for it. */
export interface DelaconVerdict {
  RESULT?: string;
  MESSAGE?: string;
}

/** Create Customer (`/rest/config/provision`). */
export interface ProvisionReply extends DelaconVerdict {
  RESULT: 'OK' | 'WAIT' | 'FAIL';
  OrderId?: string;
  /** New or existing company id (OK only). */
  CID?: string;
  /** `"1234, 3456, 5678"`: national numbers, comma separated (OK only). */
  Numbers?: string;
}

/** Update Customer (`/rest/config/updatecustomer/{companyId}`). */
export interface UpdateReply extends DelaconVerdict {
  RESULT: 'OK';
}

/** Get Region Number Types (`/rest/config/getnumbertypes/{location}`): no RESULT on success. */
export interface NumberTypesReply {
  Region?: string;
  NumberTypes: { key: string; desc: string }[];
}

/** A request's form fields. */
export type Form = Record<string, string>;
