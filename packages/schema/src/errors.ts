// Typed errors that mutations return in their result unions (STYLE §2). Each names its code
// and, where it applies, the input field and the rule that was broken.

export class DomainError extends Error {
  code = "ERROR";
}

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/** Bad input: names the field and the rule. Nothing was written. */
export class ValidationError extends DomainError {
  code = "VALIDATION";
  field: string;
  rule: string;
  issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; "));
    this.field = issues[0]?.field ?? "input";
    this.rule = issues[0]?.rule ?? "invalid";
    this.issues = issues;
  }
  static of(field: string, rule: string, message: string): ValidationError {
    return new ValidationError([{ field, rule, message }]);
  }
}

export class NotFoundError extends DomainError {
  code = "NOT_FOUND";
  field: string | null;
  constructor(what: string, key: string, field: string | null = null) {
    super(`${what} ${key} not found`);
    this.field = field;
  }
}

/** Someone changed the record first (stale `version`), or a unique value is taken. */
export class ConflictError extends DomainError {
  code = "CONFLICT";
  field: string | null;
  currentVersion: number | null;
  constructor(message: string, field: string | null = "version", currentVersion: number | null = null) {
    super(message);
    this.field = field;
    this.currentVersion = currentVersion;
  }
}

export class ForbiddenError extends DomainError {
  code = "FORBIDDEN";
  constructor(message = "not allowed for this token's role or scope") {
    super(message);
  }
}

/** A campaign rule refuses the change (workflow transition, suspension, roster…). */
export class RuleError extends DomainError {
  code = "RULE";
  rule: string;
  field: string | null;
  constructor(rule: string, message: string, field: string | null = null) {
    super(message);
    this.rule = rule;
    this.field = field;
  }
}

export const mutationErrors = [ValidationError, NotFoundError, ConflictError, ForbiddenError, RuleError];
