/**
 * The AVANSER Telco API as it travels: JSON under `{baseUrl}/v1`, every answer in the
 * `{"@transaction": …, "response": …}` envelope, numbers as international digits
 * (`61280740802`). Field names marked [I] are inferred (README: Documented and inferred).
 */

/** Every answer: the transaction and what it carries. */
export interface Envelope {
  '@transaction'?: { id?: string; 'account-id'?: string };
  response?: unknown;
}

export type AvanserNumberClass = 'GEO' | 'TOLLFREE' | 'FREECALL' | 'MOBILE';

/** One entry of `GET /v1/numbers` (the key, the number, is copied into `number`). */
export interface AvanserStockNumber {
  number: string;
  country?: string;
  region?: string;
  type?: string;
  national?: string;
  calling_code?: string;
  pool?: string;
}

export interface AvanserServiceSettings {
  type?: string;
  answer_point?: string;
  answer_point_name?: string;
  record_call?: boolean;
  /** [I] field name; the vendor page only names the feature. */
  missed_call_notification?: { email?: string[]; sms?: string[] };
}

/** What a request or an update carries, and what `GET /v1/services` answers per service [I]. */
export interface AvanserServiceFields {
  name?: string;
  custom_id?: string;
  custom_group?: string;
  service?: AvanserServiceSettings;
  call_uri?: string;
  callback_uri?: string;
}

export interface AvanserServiceEntry extends AvanserServiceFields {
  service_number: string;
  status?: string;
  updated?: string;
}

/** Stock criteria: query of `GET /v1/numbers` and `service_number` of a request. */
export interface AvanserCriteria {
  country?: string;
  number?: string;
  szu?: string;
  location?: string;
  latitude?: number;
  longitude?: number;
  prefix?: string;
  type?: AvanserNumberClass;
}

export interface AvanserRequestBody extends AvanserServiceFields {
  name: string;
  service_number: AvanserCriteria & { country: string; search_type: string };
  service: AvanserServiceSettings;
}

/** The acknowledgement of `POST /v1/requests` and `POST /v1/services/{number}`. */
export interface AvanserAck {
  request_id: string;
  message?: string;
  code?: number | string;
  service_number?: string;
}

/** A request as `GET /v1/requests[/{id}]` reports it: the ack plus the callback's fields [I]. */
export interface AvanserRequestEntry extends AvanserAck {
  status?: string;
  custom_id?: string;
  custom_group?: string;
  answer_point?: string;
}
