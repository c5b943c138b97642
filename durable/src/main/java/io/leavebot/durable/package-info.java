/** The durable execution API: handlers, the context they use, configs, exceptions and the two service ports. */
package io.leavebot.durable;
