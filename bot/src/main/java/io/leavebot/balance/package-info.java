/**
 * How much leave people have: the policies ({@link io.leavebot.balance.BalancePolicies}, from the policy file),
 * the working days of each person ({@link io.leavebot.balance.WorkingCalendar}: their working week, the public
 * holidays of their country and region, the company's days off), the ledger the stores keep
 * ({@link io.leavebot.balance.LeaveLedger}) and the balances derived from it ({@link io.leavebot.balance.Balances}).
 */
package io.leavebot.balance;
