//! Synchronization commands on the queue thread.

use crate::queue::QueueState;
use crate::sync::Event;
use std::sync::Arc;

/// `vkCmdWaitEvents`: the queue stops here until the host or an earlier command sets
/// every event (or the device is destroyed).
pub fn wait_events(events: &[Arc<Event>], queue: &QueueState) {
    for event in events {
        if !event.wait(&queue.stop) {
            return;
        }
    }
}
