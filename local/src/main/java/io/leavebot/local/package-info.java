/** The local composition root: reads settings, builds the embedded engine and serves LeaveBot on loopback. */
package io.leavebot.local;
