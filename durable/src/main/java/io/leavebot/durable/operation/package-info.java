/** One class per kind of durable operation, on a shared base that decides between start, resume and replay. */
package io.leavebot.durable.operation;
